---
title: 'คณะผู้บริหาร'
---
<h2>คณะผู้บริหาร องค์การบริหารส่วนตำบลท่าโพธิ์</h2>
<h3>ฝ่ายการเมือง</h3>
<div class="person"><img src="/upload/person/mayor.jpg" width="150"><p>นายสุเทพ มั่นคงดี<br>นายกองค์การบริหารส่วนตำบลท่าโพธิ์<br>โทร. 08 1675 2201</p></div>
<div class="person"><img src="/upload/person/deputy1.jpg" width="150"><p>นายประสิทธิ์ ทองอยู่<br>รองนายกองค์การบริหารส่วนตำบลท่าโพธิ์<br>โทร. 08 9321 4410</p></div>
<div class="person"><img src="/upload/person/deputy2.jpg" width="150"><p>นางบุญเรือน แก้วประเสริฐ<br>รองนายกองค์การบริหารส่วนตำบลท่าโพธิ์<br>โทร. 08 6112 9083</p></div>
<div class="person"><img src="/upload/person/secretary.jpg" width="150"><p>นายวิชัย ศรีสุข<br>เลขานุการนายกองค์การบริหารส่วนตำบลท่าโพธิ์<br>โทร. 09 2384 1176</p></div>
<h3>ฝ่ายข้าราชการประจำ</h3>
<div class="person"><img src="/upload/person/palad.jpg" width="150"><p>นางสาวพรทิพย์ วงศ์ใหญ่<br>ปลัดองค์การบริหารส่วนตำบลท่าโพธิ์<br>โทร. 0 5590 1234 ต่อ 101</p></div>
<div class="person"><img src="/upload/person/rongpalad.jpg" width="150"><p>นายอนุชา คำแสน<br>รองปลัดองค์การบริหารส่วนตำบลท่าโพธิ์<br>โทร. 0 5590 1234 ต่อ 102</p></div>
