---
title: ร้องเรียน/ร้องทุกข์
---
<div class="head">ร้องเรียน / ร้องทุกข์ / เสนอแนะ (เรื่องทั่วไป)</div>
<p>สำหรับร้องเรียนการให้บริการ ผลิตภัณฑ์สุขภาพไม่ปลอดภัย โฆษณาเกินจริง สถานพยาบาลเอกชน และข้อเสนอแนะทั่วไป
<br /><b>กรณีร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ กรุณาใช้ <a href="/complain.php?type=corrupt">แบบฟอร์มแจ้งเรื่องร้องเรียนการทุจริต</a></b></p>
<form method="post" action="/complain.php?act=save">
<table class="grid" width="100%">
  <tr><td width="180">ประเภทเรื่อง</td><td><select name="ctype">
    <option>ผลิตภัณฑ์สุขภาพ (อาหาร ยา เครื่องสำอาง)</option>
    <option>สถานพยาบาล / คลินิก</option>
    <option>การให้บริการของเจ้าหน้าที่</option>
    <option>อื่น ๆ</option></select></td></tr>
  <tr><td>ชื่อ-สกุล</td><td><input type="text" name="name" size="40" /></td></tr>
  <tr><td>โทรศัพท์</td><td><input type="text" name="tel" size="20" /></td></tr>
  <tr><td>รายละเอียด</td><td><textarea name="detail" cols="55" rows="6"></textarea></td></tr>
  <tr><td colspan="2" align="center"><input type="submit" value="ส่งเรื่อง" /></td></tr>
</table>
</form>
<p>หรือติดต่อศูนย์รับเรื่องร้องเรียน โทร. ๐ ๕๖๖๑ ๒๒๓๔ ต่อ ๑๒๐ / สายด่วน อย. ๑๕๕๖</p>
