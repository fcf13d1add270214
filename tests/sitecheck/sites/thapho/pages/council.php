---
title: 'สมาชิกสภา อบต.'
---
<h2>สมาชิกสภาองค์การบริหารส่วนตำบลท่าโพธิ์</h2>
<div class="person"><img src="/upload/person/council-chair.jpg" width="150"><p>นายบุญมา เรืองฤทธิ์<br>ประธานสภา อบต.ท่าโพธิ์<br>โทร. 08 1902 3345</p></div>
<div class="person"><img src="/upload/person/council-vice.jpg" width="150"><p>นางสมใจ ปานทอง<br>รองประธานสภา อบต.ท่าโพธิ์<br>โทร. 08 7761 0029</p></div>
<div class="person"><img src="/upload/person/council-sec.jpg" width="150"><p>นายอนุชา คำแสน<br>เลขานุการสภา อบต.ท่าโพธิ์<br>โทร. 0 5590 1234 ต่อ 102</p></div>
<p>สมาชิกสภา อบต. หมู่ที่ 1 – 9 จำนวน 9 คน</p>