---
title: E-Service บริการออนไลน์
---
<ol class="breadcrumb"><li><a href="/">หน้าหลัก</a></li><li class="active">E-Service</li></ol>
<h2 class="page-title">บริการออนไลน์ E-Service</h2>
<p>ประชาชนยื่นคำร้องออนไลน์ได้ตลอด 24 ชั่วโมง โดยไม่ต้องเดินทางมาที่ อบต. เจ้าหน้าที่จะติดต่อกลับภายใน 1 วันทำการ</p>
<table class="table table-bordered"><thead><tr><th>บริการ</th><th>ผู้รับผิดชอบ</th><th>ยื่นคำร้อง</th></tr></thead><tbody>
<tr><td>ขอรับการช่วยเหลือสาธารณภัย / ขอรถบรรทุกน้ำ</td><td>สำนักปลัด</td><td><a href="{{//docs.google.com}}/forms/d/e/1FAIpQLSfNongYaiWaterTruck2568/viewform">ยื่นคำร้อง</a></td></tr>
<tr><td>แจ้งซ่อมไฟฟ้าสาธารณะ</td><td>กองช่าง</td><td><a href="{{//docs.google.com}}/forms/d/e/1FAIpQLSfNongYaiStreetLight2568/viewform">ยื่นคำร้อง</a></td></tr>
<tr><td>ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ/ผู้พิการ (นัดหมายล่วงหน้า)</td><td>สำนักปลัด</td><td><a href="{{//docs.google.com}}/forms/d/e/1FAIpQLSfNongYaiAllowance2568/viewform">ยื่นคำร้อง</a></td></tr>
</tbody></table>
