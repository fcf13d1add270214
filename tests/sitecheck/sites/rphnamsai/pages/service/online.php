---
title: บริการออนไลน์ (E-Service)
---
<main id="content" class="container">
<h1>บริการออนไลน์ (E-Service) โรงพยาบาลน้ำใส</h1>
<p>ผู้รับบริการสามารถขอรับบริการต่อไปนี้ผ่านอินเทอร์เน็ตได้ตลอด 24 ชั่วโมง โดยไม่ต้องเดินทางมาที่โรงพยาบาล</p>
<div class="eservice">
  <div class="card"><h3>ระบบจองคิวตรวจออนไลน์</h3><p>จองวันและเวลาตรวจล่วงหน้า เลือกคลินิก รับเลขคิวทาง SMS</p><a href="{{//queue.rphnamsai.go.th}}/" target="_blank" class="btn">เข้าสู่ระบบจองคิว</a></div>
  <div class="card"><h3>ขอประวัติการรักษา / ขอเลื่อนนัด ผ่าน LINE OA</h3><p>เพิ่มเพื่อน @rphnamsai แล้วเลือกเมนู "ขอประวัติการรักษา" หรือ "เลื่อนนัด"</p><a href="{{//line.me}}/R/ti/p/@rphnamsai" target="_blank" class="btn">เพิ่มเพื่อน LINE</a></div>
</div>
<h2>สถิติการใช้บริการผ่านช่องทางออนไลน์ (E-Service) ปีงบประมาณ 2569</h2>
<table class="table"><tr><th>เดือน</th><th>จองคิวออนไลน์ (ครั้ง)</th><th>คำขอผ่าน LINE OA (ครั้ง)</th></tr>
<tr><td>ตุลาคม 2568</td><td>212</td><td>48</td></tr><tr><td>พฤศจิกายน 2568</td><td>268</td><td>51</td></tr>
<tr><td>ธันวาคม 2568</td><td>301</td><td>63</td></tr><tr><td>มกราคม 2569</td><td>344</td><td>70</td></tr>
<tr><td>กุมภาพันธ์ 2569</td><td>352</td><td>66</td></tr><tr><td>มีนาคม 2569</td><td>398</td><td>81</td></tr></table>
</main>
