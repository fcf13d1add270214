---
title: 'แผนผังเว็บไซต์'
---
<h2>แผนผังเว็บไซต์</h2><ul>
<li><a href="/history.php">ข้อมูล อบต.</a></li><li><a href="/executive.php">บุคลากร</a></li><li><a href="/news.php">ข่าวประชาสัมพันธ์</a></li>
<li><a href="/plan.php">แผนพัฒนาท้องถิ่น</a></li><li><a href="/procurement.php">จัดซื้อจัดจ้าง</a></li><li><a href="/hr.php">บริหารงานบุคคล</a></li>
<li><a href="/manual.php">คู่มือ</a></li><li><a href="/anticorruption.php">ป้องกันการทุจริต</a></li><li><a href="/ita2569.php">ITA 2569</a></li><li><a href="/contact.php">ติดต่อเรา</a></li></ul>