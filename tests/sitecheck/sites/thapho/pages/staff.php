---
title: 'หัวหน้าส่วนราชการ'
---
<h2>หัวหน้าส่วนราชการ</h2>
<div class="person"><img src="/upload/person/s1.jpg" width="150"><p>นางจันทร์เพ็ญ ใจดี<br>หัวหน้าสำนักปลัด<br>โทร. ต่อ 103</p></div>
<div class="person"><img src="/upload/person/s2.jpg" width="150"><p>นางสุนันทา พึ่งบุญ<br>ผู้อำนวยการกองคลัง<br>โทร. ต่อ 104</p></div>
<div class="person"><img src="/upload/person/s3.jpg" width="150"><p>นายธนพล เรืองศรี<br>ผู้อำนวยการกองช่าง<br>โทร. ต่อ 105</p></div>
<div class="person"><img src="/upload/person/s4.jpg" width="150"><p>นางรัชนี สายทอง<br>ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม<br>โทร. ต่อ 106</p></div>
<div class="person"><img src="/upload/person/s5.jpg" width="150"><p>นายสมศักดิ์ นาคดี<br>ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม<br>โทร. ต่อ 107</p></div>
