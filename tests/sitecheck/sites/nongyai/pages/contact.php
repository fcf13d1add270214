---
title: ติดต่อเรา
---
<ol class="breadcrumb"><li><a href="/">หน้าหลัก</a></li><li class="active">ติดต่อเรา</li></ol>
<h2 class="page-title">ติดต่อองค์การบริหารส่วนตำบลหนองใหญ่</h2>
<address>
ที่ทำการองค์การบริหารส่วนตำบลหนองใหญ่<br>
เลขที่ 99 หมู่ที่ 1 ตำบลหนองใหญ่ อำเภอโคกเจริญชัย จังหวัดภูผาทอง 45170<br>
โทรศัพท์ 0 4471 2345 · โทรสาร 0 4471 2346<br>
สายตรงนายก อบต. 08 1765 4321<br>
อีเมล saraban@nongyai.go.th
</address>
<table class="table table-bordered"><thead><tr><th>ส่วนราชการ</th><th>หมายเลขภายใน</th></tr></thead><tbody>
<tr><td>สำนักปลัด</td><td>ต่อ 102, 103</td></tr><tr><td>กองคลัง</td><td>ต่อ 104</td></tr><tr><td>กองช่าง</td><td>ต่อ 105</td></tr><tr><td>กองการศึกษา ศาสนาและวัฒนธรรม</td><td>ต่อ 106</td></tr></tbody></table>
<h3>แผนที่ตั้ง</h3>
<iframe src="{{//www.google.com}}/maps/embed?pb=!1m18!1m12!1m3!1d3826.1!2d103.1234!3d16.4321!5e0!3m2!1sth!2sth" width="100%" height="320" style="border:0" allowfullscreen loading="lazy" title="แผนที่ อบต.หนองใหญ่"></iframe>
<h3>ช่องทางสอบถามข้อมูล</h3>
<ul>
<li>LINE Official Account : <a href="{{//line.me}}/R/ti/p/@nongyai.sao">@nongyai.sao</a> (เจ้าหน้าที่ตอบในเวลาราชการ)</li>
<li>กระดานถาม-ตอบ : <a href="/webboard.php">Web board</a></li>
<li>Facebook : <a href="{{//www.facebook.com}}/nongyai.sao">องค์การบริหารส่วนตำบลหนองใหญ่</a></li>
</ul>
