---
title: ถาม-ตอบ
---
<main id="content" class="container">
<h1>ถาม-ตอบ (Q&amp;A)</h1>
<div class="qa"><p class="q">ถาม : ถ้าจะขอใบรับรองแพทย์สมัครงานต้องเตรียมอะไรบ้าง (คุณสมชาย, 2 เม.ย. 2569)</p><p class="a">ตอบ : เตรียมบัตรประชาชน ติดต่อห้องบัตร ค่าบริการ 100 บาท ใช้เวลาประมาณ 30 นาที (งานประชาสัมพันธ์, 3 เม.ย. 2569)</p></div>
<div class="qa"><p class="q">ถาม : จองคิวออนไลน์แล้วต้องมาก่อนเวลากี่นาที (ผู้ใช้ไม่ประสงค์ออกนาม, 18 มี.ค. 2569)</p><p class="a">ตอบ : มาก่อนเวลานัด 15 นาที แสดงเลขคิวที่จุดคัดกรอง (งานเทคโนโลยีสารสนเทศ, 18 มี.ค. 2569)</p></div>
<h2>ส่งคำถาม</h2>
<form method="post" action="/faq.php"><label>ชื่อ <input name="name"></label><label>คำถาม <textarea name="question"></textarea></label><button type="submit">ส่งคำถาม</button></form>
</main>
