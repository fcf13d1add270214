---
title: ข่าวประชาสัมพันธ์
---
<main id="content" class="container">
<h1>ข่าวประชาสัมพันธ์</h1>
<div class="news-list">
<div class="news-item"><img src="/uploads/news/318_thumb.jpg" alt=""><h3><a href="view.php?id=318">โรงพยาบาลน้ำใสรณรงค์ป้องกันไข้เลือดออกก่อนเข้าฤดูฝน</a></h3><span class="date">24 เมษายน 2569</span></div>
<div class="news-item"><img src="/uploads/news/316_thumb.jpg" alt=""><h3><a href="view.php?id=316">ประชาสัมพันธ์ การให้บริการช่วงเทศกาลสงกรานต์ 2569</a></h3><span class="date">9 เมษายน 2569</span></div>
<div class="news-item"><img src="/uploads/news/314_thumb.jpg" alt=""><h3><a href="view.php?id=314">เปิดคลินิกกัญชาทางการแพทย์ทุกวันพฤหัสบดี</a></h3><span class="date">20 มีนาคม 2569</span></div>
<div class="news-item"><img src="/uploads/news/311_thumb.jpg" alt=""><h3><a href="view.php?id=311">อบรมฟื้นฟูการช่วยฟื้นคืนชีพ (CPR) สำหรับบุคลากร รุ่นที่ 2</a></h3><span class="date">12 กุมภาพันธ์ 2569</span></div>
<div class="news-item"><img src="/uploads/news/309_thumb.jpg" alt=""><h3><a href="view.php?id=309">ออกหน่วยคัดกรองเบาหวานและความดันโลหิตสูงเชิงรุก ตำบลหนองแวง</a></h3><span class="date">15 มกราคม 2569</span></div>
<div class="news-item"><img src="/uploads/news/306_thumb.jpg" alt=""><h3><a href="view.php?id=306">อบรมเสริมสร้างคุณธรรมจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน</a></h3><span class="date">18 ธันวาคม 2568</span></div>
<div class="news-item"><img src="/uploads/news/304_thumb.jpg" alt=""><h3><a href="view.php?id=304">ผู้บริหารและบุคลากรร่วมประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ 2569</a></h3><span class="date">24 ตุลาคม 2568</span></div>
<div class="news-item"><img src="/uploads/news/302_thumb.jpg" alt=""><h3><a href="view.php?id=302">ต้อนรับผู้อำนวยการโรงพยาบาลน้ำใสคนใหม่</a></h3><span class="date">3 ตุลาคม 2568</span></div>
<div class="news-item"><img src="/uploads/news/301_thumb.jpg" alt=""><h3><a href="view.php?id=301">เปิดระบบจองคิวออนไลน์ผ่าน LINE OA @rphnamsai</a></h3><span class="date">1 ตุลาคม 2568</span></div>
</div>
<ul class="pagination"><li class="active"><span>1</span></li><li><a href="index.php?page=2">2</a></li><li><a href="index.php?page=2">ถัดไป »</a></li></ul>
</main>
