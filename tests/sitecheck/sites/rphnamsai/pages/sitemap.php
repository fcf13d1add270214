---
title: แผนผังเว็บไซต์
---
<main id="content" class="container">
<h1>แผนผังเว็บไซต์</h1>
<ul>
<li><a href="/about/history.php">ประวัติโรงพยาบาล</a></li><li><a href="/about/vision.php">วิสัยทัศน์ พันธกิจ</a></li>
<li><a href="/about/structure.php">โครงสร้างองค์กร</a></li><li><a href="/about/executives.php">ทำเนียบผู้บริหาร</a></li>
<li><a href="/service/online.php">บริการออนไลน์</a></li><li><a href="/news/index.php">ข่าวประชาสัมพันธ์</a></li>
<li><a href="/ita/index.php?year=2569">ITA ปี 2569</a></li><li><a href="/ita/index.php?year=2568">ITA ปี 2568</a></li>
<li><a href="/complaint/corruption.php">แจ้งเรื่องร้องเรียนการทุจริต</a></li><li><a href="/contact.php">ติดต่อเรา</a></li>
</ul>
</main>
