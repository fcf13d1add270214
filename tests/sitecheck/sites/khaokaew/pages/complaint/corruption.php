---
title: แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ
---
<h2>แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h2>
<div class="alert alert-warning">ช่องทางนี้แยกจากช่องทางร้องเรียนเรื่องทั่วไป ข้อมูลจะส่งตรงถึงศูนย์ปฏิบัติการต่อต้านการทุจริต เทศบาลตำบลเขาแก้ว เท่านั้น และจะถูกเก็บรักษาเป็นความลับเพื่อคุ้มครองผู้แจ้งเบาะแส ท่านไม่จำเป็นต้องเปิดเผยชื่อ</div>
<form method="post" action="/complaint/corruption_send.php" enctype="multipart/form-data">
  <div class="form-group"><label>ชื่อ-นามสกุลผู้แจ้ง (ไม่บังคับ)</label><input type="text" name="reporter" class="form-control"></div>
  <div class="form-group"><label>ช่องทางติดต่อกลับ (ไม่บังคับ)</label><input type="text" name="contact" class="form-control"></div>
  <div class="form-group"><label>ชื่อ-สกุล / ตำแหน่งของผู้ถูกร้องเรียน</label><input type="text" name="accused" class="form-control" required></div>
  <div class="form-group"><label>วัน เวลา หรือช่วงเวลาที่เกิดเหตุ</label><input type="text" name="when" class="form-control"></div>
  <div class="form-group"><label>พฤติการณ์การทุจริต</label><textarea name="detail" class="form-control" rows="5" required></textarea></div>
  <div class="form-group"><label>แนบหลักฐาน</label><input type="file" name="evidence"></div>
  <button type="submit" class="btn btn-danger">ส่งเรื่องร้องเรียน</button>
</form>
<p class="mt-3">ศึกษาขั้นตอนการดำเนินการได้จาก <a href="/fileupload/ita2569/คู่มือการจัดการเรื่องร้องเรียนการทุจริต.pdf">คู่มือการดำเนินการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</a></p>
