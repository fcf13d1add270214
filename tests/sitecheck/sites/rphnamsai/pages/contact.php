---
title: ติดต่อเรา
---
<main id="content" class="container">
<h1>ติดต่อโรงพยาบาลน้ำใส</h1>
<p><b>ที่อยู่</b> เลขที่ 99 หมู่ 4 ถนนน้ำใส–หนองแวง ตำบลน้ำใส อำเภอน้ำใส จังหวัดธาราวดี 45190</p>
<p><b>โทรศัพท์</b> 0 4356 1120 (ประชาสัมพันธ์) | ห้องฉุกเฉิน 0 4356 1199 | โทรสาร 0 4356 1121</p>
<p><b>อีเมล</b> <a href="mailto:namsaihospital@moph.go.th">namsaihospital@moph.go.th</a> | สารบรรณอิเล็กทรอนิกส์ saraban.namsai@moph.go.th</p>
<h2>แผนที่ตั้ง</h2>
<iframe src="{{//maps.google.com}}/maps?q=โรงพยาบาลน้ำใส&amp;output=embed" width="100%" height="320" title="แผนที่โรงพยาบาลน้ำใส"></iframe>
<h2>ช่องทางสอบถามข้อมูล</h2>
<ul>
<li>LINE Official Account <a href="{{//line.me}}/R/ti/p/@rphnamsai" target="_blank">@rphnamsai</a> — สอบถามข้อมูลการรับบริการ เจ้าหน้าที่ตอบกลับในวันและเวลาราชการ</li>
<li>Facebook <a href="{{//www.facebook.com}}/namsaihospital" target="_blank">โรงพยาบาลน้ำใส</a> (ส่งข้อความทาง Messenger)</li>
<li><a href="/faq.php">กระดานถาม-ตอบ (Q&amp;A)</a></li>
</ul>
</main>
