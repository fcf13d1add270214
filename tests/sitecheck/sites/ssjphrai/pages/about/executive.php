---
title: ทำเนียบผู้บริหาร
---
<div class="head">ทำเนียบผู้บริหาร สำนักงานสาธารณสุขจังหวัดไพรวัลย์</div>
<table width="100%" border="0" cellpadding="6" cellspacing="0">
  <tr>
    <td colspan="3" align="center">
      <img src="/images/exec/chief_thanaphon.jpg" width="170" alt="นายแพทย์ธนพล อุดมศักดิ์" /><br />
      <b>นายแพทย์ธนพล อุดมศักดิ์</b><br />
      นายแพทย์สาธารณสุขจังหวัดไพรวัลย์<br />
      โทร. ๐ ๕๖๖๑ ๒๒๓๔ ต่อ ๑๐๑ | มือถือ ๐๘ ๑๙๗๒ ๔๔๑๐<br />
      E-mail : thanaphon.u@moph.go.th
    </td>
  </tr>
  <tr>
    <td width="33%" align="center" valign="top">
      <img src="/images/exec/deputy_kittisak.jpg" width="130" alt="นายแพทย์กิตติศักดิ์ แสงสว่าง" /><br />
      <b>นายแพทย์กิตติศักดิ์ แสงสว่าง</b><br />
      รองนายแพทย์สาธารณสุขจังหวัดไพรวัลย์<br />(นายแพทย์เชี่ยวชาญ ด้านเวชกรรมป้องกัน)<br />
      โทร. ต่อ ๑๐๒<br />E-mail : kittisak.s@moph.go.th
    </td>
    <td width="33%" align="center" valign="top">
      <img src="/images/exec/deputy_wanna.jpg" width="130" alt="แพทย์หญิงวรรณา ศรีประเสริฐ" /><br />
      <b>แพทย์หญิงวรรณา ศรีประเสริฐ</b><br />
      รองนายแพทย์สาธารณสุขจังหวัดไพรวัลย์<br />(นายแพทย์ชำนาญการพิเศษ ด้านเวชกรรมป้องกัน)<br />
      โทร. ต่อ ๑๐๓<br />E-mail : wanna.sri@moph.go.th
    </td>
    <td width="33%" align="center" valign="top">
      <img src="/images/exec/deputy_sombat.jpg" width="130" alt="นายสมบัติ ใจซื่อ" /><br />
      <b>นายสมบัติ ใจซื่อ</b><br />
      รองนายแพทย์สาธารณสุขจังหวัดไพรวัลย์ (ด้านบริหาร)<br />(นักวิชาการสาธารณสุขเชี่ยวชาญ)<br />
      โทร. ต่อ ๑๐๔<br />E-mail : sombat.j@moph.go.th
    </td>
  </tr>
</table>
<div class="head">หัวหน้ากลุ่มงาน</div>
<table class="grid" width="100%">
  <tr><th>กลุ่มงาน</th><th>หัวหน้ากลุ่มงาน</th><th>โทร. ภายใน</th></tr>
  <tr><td>กลุ่มงานบริหารทั่วไป</td><td>นางสุภาพร มีสุข</td><td>๑๑๐</td></tr>
  <tr><td>กลุ่มงานพัฒนายุทธศาสตร์สาธารณสุข</td><td>นายปรีชา วงศ์คำ</td><td>๑๓๐</td></tr>
  <tr><td>กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข</td><td>ภก.อนุสรณ์ ทองประเสริฐ</td><td>๑๔๐</td></tr>
  <tr><td>กลุ่มงานบริหารทรัพยากรบุคคล</td><td>นางอรุณี แก้วมณี</td><td>๑๕๐</td></tr>
  <tr><td>กลุ่มกฎหมาย</td><td>นายวิทยา ศักดิ์ดี</td><td>๑๒๐</td></tr>
</table>
