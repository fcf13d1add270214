---
title: 'ITA 2569'
---
<h2 class="ita-title">ITA ประจำปีงบประมาณ พ.ศ. 2569</h2>
<p class="ita-sub"><img src="/images/ita2569/header.png"></p>
<h3>ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล</h3>
<h4>9.1 ข้อมูลพื้นฐาน</h4>
<div class="ita-grid">
  <a href="/upload/ita2569/O1.pdf" target="_blank"><img src="/images/ita2569/o1.png"></a>
  <a href="/executive.php"><img src="/images/ita2569/o2.png"></a>
  <a href="/contact.php"><img src="/images/ita2569/o3.png"></a>
  <a href="/news.php"><img src="/images/ita2569/o4.png"></a>
</div>
<h4>9.2 การบริหารงานและการใช้จ่ายงบประมาณ</h4>
<div class="ita-grid">
  <a href="/upload/doc/20221003_091215_devplan.pdf" target="_blank"><img src="/images/ita2569/o5.png"></a>
  <a href="/operation_plan.php"><img src="/images/ita2569/o6.png"></a>
  <a href="/upload/ita2569/O7.pdf" target="_blank"><img src="/images/ita2569/o7.png"></a>
  <a href="{{//drive.google.com}}/file/d/1TpH08StaffManualTaxCollect2568Qw/view?usp=sharing" target="_blank"><img src="/images/ita2569/o8.png"></a>
  <a href="/manual.php"><img src="/images/ita2569/o9.png"></a>
  <a href="/eservice.php"><img src="/images/ita2569/o10.png"></a>
</div>
<h4>9.3 การจัดซื้อจัดจ้าง</h4>
<div class="ita-grid">
  <a href="/sorkor1.php"><img src="/images/ita2569/o11.png"></a>
  <a href="/procurement.php"><img src="/images/ita2569/o12.png"></a>
</div>
<h4>9.4 การบริหารและพัฒนาทรัพยากรบุคคล</h4>
<div class="ita-grid">
  <a href="/upload/doc/แผนพัฒนาบุคลากร-อบต.ท่าโพธิ์-2567-2569.pdf" target="_blank"><img src="/images/ita2569/o13.png"></a>
  <a href="/upload/ita2569/O14.pdf" target="_blank"><img src="/images/ita2569/o14.png"></a>
  <a href="/ethics.php"><img src="/images/ita2569/o15.png"></a>
</div>
<h4>9.5 การส่งเสริมความโปร่งใส</h4>
<div class="ita-grid">
  <a href="/upload/ita2569/O16.pdf" target="_blank"><img src="/images/ita2569/o16.png"></a>
  <a href="/complaint_corrupt.php"><img src="/images/ita2569/o17.png"></a>
  <a href="/upload/ita2569/O18.pdf" target="_blank"><img src="/images/ita2569/o18.png"></a>
  <a href="/news_detail.php?id=323"><img src="/images/ita2569/o19.png"></a>
</div>
<h3>ตัวชี้วัดที่ 10 การป้องกันการทุจริต</h3>
<h4>10.1 การดำเนินการเพื่อป้องกันการทุจริต</h4>
<div class="ita-grid">
  <a href="/nogift.php"><img src="/images/ita2569/o20.png"></a>
  <a href="/upload/ita2569/O21.pdf" target="_blank"><img src="/images/ita2569/o21.png"></a>
  <a href="{{//drive.google.com}}/file/d/1TpH22RiskMgmtReport2568PrivXyZa/view?usp=sharing" target="_blank"><img src="/images/ita2569/o22.png"></a>
  <a href="/upload/doc/แผนปฏิบัติการป้องกันการทุจริต-4ปี-2565-2568.pdf" target="_blank"><img src="/images/ita2569/o23.png"></a>
  <a href="/upload/ita2569/O24.pdf" target="_blank"><img src="/images/ita2569/o24.png"></a>
</div>
<h4>10.2 มาตรการภายในเพื่อส่งเสริมคุณธรรมและความโปร่งใส</h4>
<div class="ita-grid">
  <a href="/upload/doc/มาตรการส่งเสริมคุณธรรมและความโปร่งใส-ปี2568.pdf" target="_blank"><img src="/images/ita2569/o25.png"></a>
  <a href="#"><img src="/images/ita2569/o26.png"></a>
</div>
