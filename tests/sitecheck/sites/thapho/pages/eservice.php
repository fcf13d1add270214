---
title: 'E-Service'
---
<h2>บริการออนไลน์ (E-Service) อบต.ท่าโพธิ์</h2>
<p>ประชาชนสามารถยื่นคำร้องขอรับบริการผ่านระบบออนไลน์ได้ตลอด 24 ชั่วโมง โดยไม่ต้องเดินทางมาที่ อบต. เจ้าหน้าที่จะติดต่อกลับภายใน 1 วันทำการ</p>
<table class="list"><tr><th>บริการ</th><th>ยื่นคำร้อง</th></tr>
<tr><td>ขอรับการช่วยเหลือซ่อมแซมไฟฟ้าส่องสว่าง / ประปาหมู่บ้าน</td><td><a href="{{//docs.google.com}}/forms/d/e/1FAIpQLSd7ThaphoEserv01/viewform" target="_blank">กรอกแบบฟอร์ม</a></td></tr>
<tr><td>ขอรับน้ำอุปโภคบริโภค (รถบรรทุกน้ำ)</td><td><a href="{{//docs.google.com}}/forms/d/e/1FAIpQLSd7ThaphoEserv01/viewform" target="_blank">กรอกแบบฟอร์ม</a></td></tr>
<tr><td>ขอใช้อาคารสถานที่ / ยืมวัสดุอุปกรณ์</td><td><a href="{{//docs.google.com}}/forms/d/e/1FAIpQLSd7ThaphoEserv01/viewform" target="_blank">กรอกแบบฟอร์ม</a></td></tr>
<tr><td>ขออนุญาตก่อสร้างอาคาร (ยื่นเอกสารเบื้องต้น)</td><td><a href="{{//docs.google.com}}/forms/d/e/1FAIpQLSd7ThaphoEserv01/viewform" target="_blank">กรอกแบบฟอร์ม</a></td></tr>
</table>
<h3>สถิติการใช้บริการ E-Service ปีงบประมาณ พ.ศ. 2569</h3>
<table class="list"><tr><th>เดือน</th><th>จำนวนคำร้อง</th><th>ดำเนินการแล้ว</th></tr>
<tr><td>ตุลาคม 2568</td><td>14</td><td>14</td></tr><tr><td>พฤศจิกายน 2568</td><td>11</td><td>11</td></tr>
<tr><td>ธันวาคม 2568</td><td>9</td><td>9</td></tr><tr><td>มกราคม 2569</td><td>17</td><td>17</td></tr>
<tr><td>กุมภาพันธ์ 2569</td><td>12</td><td>12</td></tr><tr><td>มีนาคม 2569</td><td>15</td><td>13</td></tr></table>