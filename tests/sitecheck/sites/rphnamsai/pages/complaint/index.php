---
title: ร้องเรียน/ข้อเสนอแนะทั่วไป
---
<main id="content" class="container">
<h1>ร้องเรียน / ข้อเสนอแนะ การให้บริการ</h1>
<p>สำหรับเรื่องร้องเรียนเกี่ยวกับคุณภาพการให้บริการ พฤติกรรมบริการ และข้อเสนอแนะทั่วไป (ศูนย์รับเรื่องร้องเรียน โทร. 0 4356 1120 ต่อ 108)</p>
<form method="post" action="/complaint/submit.php">
<label>ชื่อ-สกุล <input name="fullname"></label>
<label>เบอร์โทรศัพท์ <input name="tel"></label>
<label>ประเภท <select name="type"><option>ร้องเรียนการบริการ</option><option>ข้อเสนอแนะ</option><option>ชมเชย</option></select></label>
<label>รายละเอียด <textarea name="detail"></textarea></label>
<button type="submit">ส่งเรื่อง</button>
</form>
<p class="note">หากต้องการแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ กรุณาใช้ <a href="/complaint/corruption.php">ช่องทางแจ้งเรื่องร้องเรียนการทุจริต</a></p>
</main>
