---
title: ITA 2567
---
<div class="head">ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ (ข้อมูลปีที่แล้ว)</div>
<table class="grid ita" width="100%" border="1" cellpadding="4" cellspacing="0">
  <tr><th width="50">ข้อ</th><th>รายการ</th><th width="260">ลิงก์/ไฟล์</th></tr>
  <tr><td>O1</td><td>โครงสร้าง</td><td><a href="/about/structure.php">คลิก</a></td></tr>
  <tr><td>O2</td><td>ข้อมูลผู้บริหาร</td><td><a href="/about/executive.php">คลิก</a></td></tr>
  <tr><td>O4</td><td>แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน</td><td><a href="/download.php?id=1452">แผนยุทธศาสตร์</a></td></tr>
  <tr><td>O13</td><td>รายงานผลการดำเนินงานประจำปี</td><td><a href="/download.php?id=1968">รายงานผลการดำเนินงาน ปี ๒๕๖๖</a></td></tr>
  <tr><td>O23</td><td>แผนการบริหารและพัฒนาทรัพยากรบุคคล</td><td><a href="/download.php?id=1590">แผนกลยุทธ์ HR ๒๕๖๓-๒๕๖๗</a></td></tr>
  <tr><td>O36</td><td>รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</td><td><a href="/download.php?id=1971">คลิก</a></td></tr>
</table>
