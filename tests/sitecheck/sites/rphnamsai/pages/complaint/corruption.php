---
title: แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ
---
<main id="content" class="container">
<h1>แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1>
<p>ช่องทางนี้แยกจากช่องทางร้องเรียนการให้บริการทั่วไป สำหรับแจ้งเบาะแสการทุจริตและประพฤติมิชอบของเจ้าหน้าที่โรงพยาบาลน้ำใส ข้อมูลของผู้แจ้งจะถูกเก็บรักษาเป็นความลับ เฉพาะศูนย์ปฏิบัติการต่อต้านการทุจริตเท่านั้นที่เข้าถึงได้ ผู้แจ้งไม่จำเป็นต้องระบุชื่อ</p>
<form method="post" action="/complaint/corruption_submit.php" enctype="multipart/form-data">
<label>ชื่อ-สกุลผู้แจ้ง (ไม่บังคับ) <input name="reporter"></label>
<label>ชื่อ-ตำแหน่งเจ้าหน้าที่ผู้ถูกร้องเรียน <input name="accused"></label>
<label>วันเวลาที่เกิดเหตุ <input name="when"></label>
<label>พฤติการณ์ <textarea name="detail"></textarea></label>
<label>หลักฐาน <input type="file" name="evidence"></label>
<button type="submit">ส่งเรื่องร้องเรียน</button>
</form>
<p>แนวทางการจัดการเรื่องร้องเรียน : <a href="/ita/detail.php?id=156&amp;year=2569">คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</a></p>
</main>
