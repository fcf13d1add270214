---
title: ทำเนียบผู้บริหาร
---
<main id="content" class="container">
<h1>ทำเนียบผู้บริหาร โรงพยาบาลน้ำใส</h1>
<div class="exec-grid">
<div class="exec-card"><img src="/uploads/exec/director.jpg" alt="นายแพทย์กฤษดา วงศ์ธาราทิพย์" width="180"><h3>นายแพทย์กฤษดา วงศ์ธาราทิพย์</h3><p class="pos">ผู้อำนวยการโรงพยาบาลน้ำใส</p><p>โทร. 0 4356 1100<br>อีเมล director.namsai@moph.go.th</p></div>
<div class="exec-card"><img src="/uploads/exec/deputy-med.jpg" alt="แพทย์หญิงพิมพ์ชนก แสงอรุณ" width="180"><h3>แพทย์หญิงพิมพ์ชนก แสงอรุณ</h3><p class="pos">รองผู้อำนวยการฝ่ายการแพทย์</p><p>โทร. 0 4356 1120 ต่อ 201<br>อีเมล pimchanok.s@moph.go.th</p></div>
<div class="exec-card"><img src="/uploads/exec/deputy-admin.jpg" alt="นายสมเกียรติ ทองมา" width="180"><h3>นายสมเกียรติ ทองมา</h3><p class="pos">รองผู้อำนวยการฝ่ายบริหาร</p><p>โทร. 0 4356 1120 ต่อ 102<br>อีเมล somkiat.t@moph.go.th</p></div>
<div class="exec-card"><img src="/uploads/exec/deputy-nurse.jpg" alt="นางวิไลวรรณ คำภูแก้ว" width="180"><h3>นางวิไลวรรณ คำภูแก้ว</h3><p class="pos">รองผู้อำนวยการฝ่ายการพยาบาล (หัวหน้าพยาบาล)</p><p>โทร. 0 4356 1120 ต่อ 301<br>อีเมล wilaiwan.k@moph.go.th</p></div>
<div class="exec-card"><img src="/uploads/exec/deputy-pcu.jpg" alt="นายอนุชา ศรีบุญเรือง" width="180"><h3>นายอนุชา ศรีบุญเรือง</h3><p class="pos">รองผู้อำนวยการด้านบริการปฐมภูมิ</p><p>โทร. 0 4356 1120 ต่อ 401<br>อีเมล anucha.s@moph.go.th</p></div>
</div>
<h2>อดีตผู้อำนวยการ</h2>
<table class="table"><tr><th>ลำดับ</th><th>ชื่อ-สกุล</th><th>ระยะเวลา</th></tr>
<tr><td>1</td><td>นายแพทย์สุรชัย มณีวงศ์</td><td>2523–2540</td></tr>
<tr><td>2</td><td>นายแพทย์ประสิทธิ์ ชัยมงคล</td><td>2540–2556</td></tr>
<tr><td>3</td><td>นายแพทย์วิชัย พรหมสุวรรณ</td><td>2556–2568</td></tr></table>
</main>
