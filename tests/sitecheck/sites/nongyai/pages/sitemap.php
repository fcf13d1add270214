---
title: แผนผังเว็บไซต์
---
<ol class="breadcrumb"><li><a href="/">หน้าหลัก</a></li><li class="active">แผนผังเว็บไซต์</li></ol>
<h2 class="page-title">แผนผังเว็บไซต์</h2>
<ul>
<li><a href="/">หน้าหลัก</a></li>
<li>ข้อมูลพื้นฐาน : <a href="/page.php?id=1">ประวัติ</a> · <a href="/page.php?id=2">วิสัยทัศน์</a> · <a href="/page.php?id=3">ข้อมูลทั่วไป</a> · <a href="/page.php?id=4">อำนาจหน้าที่</a> · <a href="/structure.php">โครงสร้าง</a> · <a href="/page.php?id=9">นโยบายการบริหารทรัพยากรบุคคล</a></li>
<li>บุคลากร : <a href="/personnel.php?dep=1">คณะผู้บริหาร</a> · <a href="/personnel.php?dep=2">หัวหน้าส่วนราชการ</a> · <a href="/personnel.php?dep=3">สมาชิกสภา</a> · <a href="/personnel.php?dep=4">สำนักปลัด</a></li>
<li>ข่าวสาร : <a href="/news.php?cat=1">ข่าวประชาสัมพันธ์</a> · <a href="/news.php?cat=2">ประกาศ</a> · <a href="/news.php?cat=3">จัดซื้อจัดจ้าง</a></li>
<li><a href="/datacenter.php">ศูนย์ข้อมูลข่าวสาร</a> · <a href="/ita.php">ITA</a> · <a href="/page.php?id=7">ประมวลจริยธรรม</a> · <a href="/page.php?id=8">No Gift Policy</a></li>
<li><a href="/eservice.php">E-Service</a> · <a href="/complaint.php">ร้องเรียน</a> · <a href="/complaint.php?type=corruption">ร้องเรียนการทุจริต</a> · <a href="/webboard.php">กระดานถาม-ตอบ</a> · <a href="/contact.php">ติดต่อเรา</a></li>
</ul>
