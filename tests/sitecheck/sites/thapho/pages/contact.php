---
title: 'ติดต่อเรา'
---
<h2>ติดต่อองค์การบริหารส่วนตำบลท่าโพธิ์</h2>
<p>ที่อยู่ : เลขที่ 88 หมู่ที่ 4 ตำบลท่าโพธิ์ อำเภอบางแก้วน้อย จังหวัดพิษณุวารี 65230</p>
<p>โทรศัพท์ : 0 5590 1234 &nbsp; โทรสาร : 0 5590 1235</p>
<p>E-mail : saraban@thapho.go.th</p>
<p>เวลาทำการ : วันจันทร์ – วันศุกร์ 08.30 – 16.30 น. (เว้นวันหยุดราชการ)</p>
<h3>แผนที่ตั้ง</h3>
<p><img src="/images/map-thapho.jpg" width="600"><br><a href="{{//maps.google.com}}/?q=16.4021,100.3517" target="_blank">เปิดใน Google Maps</a></p>
<h3>ช่องทางการสอบถามข้อมูล (ถาม-ตอบ)</h3>
<ul>
<li>LINE Official Account : <a href="{{//line.me}}/R/ti/p/@thapho" target="_blank">@thapho</a> – เจ้าหน้าที่ตอบกลับในเวลาราชการ</li>
<li>Facebook : <a href="{{//www.facebook.com}}/thapho.sao" target="_blank">อบต.ท่าโพธิ์</a> (Messenger)</li>
<li><a href="/webboard.php">เว็บบอร์ด ถาม-ตอบ</a></li>
</ul>