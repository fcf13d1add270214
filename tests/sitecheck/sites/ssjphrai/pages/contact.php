---
title: ติดต่อเรา
---
<div class="head">ติดต่อสำนักงานสาธารณสุขจังหวัดไพรวัลย์</div>
<table width="100%" border="0" cellpadding="4">
  <tr>
    <td valign="top" width="50%">
      <p><b>ที่อยู่</b><br />สำนักงานสาธารณสุขจังหวัดไพรวัลย์ ๙๙ ถนนศาลากลาง ตำบลในเมือง อำเภอเมืองไพรวัลย์ จังหวัดไพรวัลย์ ๖๗๐๐๐</p>
      <p><b>โทรศัพท์</b> ๐ ๕๖๖๑ ๒๒๓๔ (อัตโนมัติ) &nbsp; <b>โทรสาร</b> ๐ ๕๖๖๑ ๒๒๓๙</p>
      <table class="grid" width="100%">
        <tr><th>งาน</th><th>เบอร์ภายใน</th></tr>
        <tr><td>งานสารบรรณ</td><td>๑๑๑</td></tr>
        <tr><td>งานคุ้มครองผู้บริโภค (ขออนุญาตขายยา/อาหาร/สถานพยาบาล)</td><td>๑๔๑, ๑๔๒</td></tr>
        <tr><td>ศูนย์รับเรื่องร้องเรียน</td><td>๑๒๐</td></tr>
      </table>
      <p><b>E-mail</b> : ssjphrai@moph.go.th (สารบรรณ) / fdaphrai@gmail.com (งานคุ้มครองผู้บริโภค)</p>
      <p><b>เวลาทำการ</b> วันจันทร์ - วันศุกร์ ๐๘.๓๐ - ๑๖.๓๐ น. (เว้นวันหยุดราชการ)</p>
      <p><b>สอบถามข้อมูลออนไลน์ (ตอบกลับโดยเจ้าหน้าที่)</b></p>
      <ul>
        <li>LINE Official Account : <a href="{{//line.me}}/R/ti/p/@ssjphrai" target="_blank">@ssjphrai</a> (แชตกับเจ้าหน้าที่ ในวันและเวลาราชการ)</li>
        <li>Facebook : <a href="{{//www.facebook.com}}/ssjphraiwan" target="_blank">สำนักงานสาธารณสุขจังหวัดไพรวัลย์</a> ส่งข้อความทาง Messenger</li>
        <li><a href="/webboard/">กระดานถาม-ตอบ (Webboard)</a> ตั้งคำถาม เจ้าหน้าที่ตอบภายใน ๓ วันทำการ</li>
      </ul>
    </td>
    <td valign="top" width="50%">
      <p><b>แผนที่ตั้งสำนักงาน</b></p>
      <img src="/images/map_ssjphrai.jpg" width="360" alt="แผนที่ตั้งสำนักงานสาธารณสุขจังหวัดไพรวัลย์ ถนนศาลากลาง" /><br />
      <a href="https://goo.gl/maps/pHr4iWaNssj9" target="_blank">เปิดใน Google Maps</a>
      <p class="small">อยู่ด้านหลังศาลากลางจังหวัดไพรวัลย์ ตรงข้ามสนามกีฬาจังหวัด</p>
    </td>
  </tr>
</table>
