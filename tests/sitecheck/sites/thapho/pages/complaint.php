---
title: 'ร้องเรียน/ร้องทุกข์'
---
<h2>ร้องเรียน/ร้องทุกข์ ทั่วไป</h2>
<p>แจ้งปัญหาความเดือดร้อน ขอรับความช่วยเหลือ หรือข้อเสนอแนะการให้บริการ (กรณีร้องเรียนการทุจริตของเจ้าหน้าที่ โปรดใช้ <a href="/complaint_corrupt.php">ช่องทางแจ้งเบาะแสการทุจริต</a>)</p>
<form method="post" action="/complaint_save.php">
<p>ชื่อ-นามสกุล <input name="name"></p><p>เบอร์โทรศัพท์ <input name="tel"></p>
<p>เรื่อง <select name="type"><option>ไฟฟ้า/ประปา</option><option>ถนน</option><option>ขยะ</option><option>อื่น ๆ</option></select></p>
<p>รายละเอียด <textarea name="detail"></textarea></p><p><button>ส่งเรื่อง</button></p></form>
<p>หรือ โทร 0 5590 1234 / LINE @thapho / ตู้รับเรื่องร้องเรียนหน้าที่ทำการ อบต.</p>