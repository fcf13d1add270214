---
title: ผังเว็บไซต์
---
<h2 class="page-title">ผังเว็บไซต์</h2>
<ul>
  <li><a href="/">หน้าหลัก</a></li>
  <li>เกี่ยวกับโรงพยาบาล: <a href="/about/history.php">ประวัติ</a>, <a href="/about/vision.php">วิสัยทัศน์</a>, <a href="/about/executives.php">คณะผู้บริหาร</a></li>
  <li>บริการผู้ป่วย: <a href="/service/clinics.php">ตารางออกตรวจ</a>, <a href="/equeue/">จองคิวออนไลน์</a>, <a href="/service/rights.php">สิทธิการรักษา</a></li>
  <li><a href="/news/">ข่าวประชาสัมพันธ์</a></li>
  <li><a href="/ita2568/">ITA ๒๕๖๘</a></li>
  <li><a href="/complaint/">ร้องเรียน/เสนอแนะ</a></li>
  <li><a href="/contact/">ติดต่อเรา</a></li>
</ul>
