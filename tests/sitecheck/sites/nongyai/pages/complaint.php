---
title: ร้องเรียน/ร้องทุกข์
---
<ol class="breadcrumb"><li><a href="/">หน้าหลัก</a></li><li class="active">ร้องเรียน/ร้องทุกข์</li></ol>
<h2 class="page-title">ร้องเรียน/ร้องทุกข์ ทั่วไป</h2>
<p>ศูนย์รับเรื่องร้องเรียนร้องทุกข์ อบต.หนองใหญ่ รับเรื่องร้องเรียนทั่วไป เช่น ไฟฟ้าสาธารณะดับ ถนนชำรุด ขยะ น้ำประปา เหตุเดือดร้อนรำคาญ</p>
<p class="alert alert-warning">กรณีร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ กรุณาใช้ <a href="/complaint.php?type=corruption">แบบฟอร์มแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</a> ซึ่งแยกจากช่องทางนี้</p>
<form method="post" action="/complaint.php?action=send" enctype="multipart/form-data" class="form-horizontal">
<label>ชื่อ-นามสกุล <input name="name"></label>
<label>เบอร์โทรศัพท์ <input name="tel"></label>
<label>ประเภทเรื่อง <select name="type"><option>ไฟฟ้าสาธารณะ</option><option>ถนน/ทางระบายน้ำ</option><option>ขยะ/สิ่งแวดล้อม</option><option>น้ำประปา</option><option>อื่น ๆ</option></select></label>
<label>รายละเอียด <textarea name="detail"></textarea></label>
<label>แนบรูปภาพ <input type="file" name="photo"></label>
<button type="submit">ส่งเรื่องร้องเรียน</button>
</form>
