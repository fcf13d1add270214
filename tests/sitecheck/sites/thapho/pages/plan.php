---
title: 'แผนพัฒนาท้องถิ่น'
---
<h2>แผนพัฒนาท้องถิ่น</h2>
<table class="list"><tr><th>ชื่อเอกสาร</th><th>วันที่</th></tr>
<tr><td><a href="/upload/doc/20221003_091215_devplan.pdf">แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)</a></td><td>3 ต.ค. 2565</td></tr>
</table>
<p>ดูเพิ่มเติม : <a href="/operation_plan.php">แผนการดำเนินงาน</a> | <a href="/report.php">รายงานผลการดำเนินงาน</a></p>