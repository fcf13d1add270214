---
title: คณะผู้บริหาร
---
<h2 class="page-title">คณะผู้บริหารโรงพยาบาลเวียงสิงห์</h2>
<div class="exec-top text-center">
  <img src="/images/executive/director-2567.jpg" alt="นายแพทย์ธีรวัฒน์ ศรีสุวรรณ" width="180">
  <h4>นายแพทย์ธีรวัฒน์ ศรีสุวรรณ</h4>
  <p>ผู้อำนวยการโรงพยาบาลเวียงสิงห์<br>นายแพทย์เชี่ยวชาญ (ด้านเวชกรรม สาขาศัลยกรรม)</p>
  <p>ดำรงตำแหน่งตั้งแต่ ๒ ตุลาคม ๒๕๖๖</p>
  <p>โทร. ๐ ๔๔๘๑ ๒๒๐๐ ต่อ ๑๐๐๑ | E-mail: director.wsh@moph.go.th</p>
</div>
<div class="row exec-list">
  <div class="col-md-4 text-center">
    <img src="/images/executive/deputy-med.jpg" alt="แพทย์หญิงพิมพ์ชนก วงศ์ใหญ่" width="140">
    <h5>แพทย์หญิงพิมพ์ชนก วงศ์ใหญ่</h5>
    <p>รองผู้อำนวยการฝ่ายการแพทย์</p>
    <p>โทร. ต่อ ๑๐๐๒ | pimchanok.w@moph.go.th</p>
  </div>
  <div class="col-md-4 text-center">
    <img src="/images/executive/deputy-admin.jpg" alt="นายสมเกียรติ ทองมา" width="140">
    <h5>นายสมเกียรติ ทองมา</h5>
    <p>รองผู้อำนวยการฝ่ายบริหาร<br>(นักจัดการงานทั่วไปชำนาญการพิเศษ)</p>
    <p>โทร. ต่อ ๑๐๐๓ | somkiat.t@moph.go.th</p>
  </div>
  <div class="col-md-4 text-center">
    <img src="/images/executive/deputy-nurse.jpg" alt="นางรัตนา บุญเรือง" width="140">
    <h5>นางรัตนา บุญเรือง</h5>
    <p>รองผู้อำนวยการฝ่ายการพยาบาล<br>(พยาบาลวิชาชีพเชี่ยวชาญ)</p>
    <p>โทร. ต่อ ๑๐๐๔ | rattana.b@moph.go.th</p>
  </div>
</div>
<div class="row exec-list">
  <div class="col-md-4 text-center">
    <img src="/images/executive/deputy-pcc.jpg" alt="นายแพทย์อนุชา แก้วประเสริฐ" width="140">
    <h5>นายแพทย์อนุชา แก้วประเสริฐ</h5>
    <p>รองผู้อำนวยการด้านปฐมภูมิ</p>
    <p>โทร. ต่อ ๑๐๐๕ | anucha.k@moph.go.th</p>
  </div>
</div>
