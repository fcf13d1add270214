---
title: รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล
---
<h2 class="page-title">รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล</h2>
<div class="alert alert-warning text-center">
  <img src="/images/under-construction.png" alt="" width="96">
  <h4>อยู่ระหว่างปรับปรุง</h4>
  <p>ขออภัยในความไม่สะดวก</p>
</div>
