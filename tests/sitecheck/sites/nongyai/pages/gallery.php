---
title: ภาพกิจกรรม
---
<ol class="breadcrumb"><li><a href="/">หน้าหลัก</a></li><li class="active">ภาพกิจกรรม</li></ol>
<h2 class="page-title">ภาพกิจกรรม</h2>
<div class="row gallery">
<div class="col-sm-4"><a href="/news_detail.php?id=231"><img src="/upload/news/231/thumb.jpg" alt="สงกรานต์ 2568"></a><p>สงกรานต์ 2568</p></div>
<div class="col-sm-4"><a href="/news_detail.php?id=219"><img src="/upload/news/219/thumb.jpg" alt="อบรมคุณธรรมจริยธรรม"></a><p>อบรมคุณธรรมจริยธรรม 2568</p></div>
<div class="col-sm-4"><a href="/news_detail.php?id=215"><img src="/upload/news/215/thumb.jpg" alt="มอบผ้าห่ม"></a><p>มอบผ้าห่มกันหนาว</p></div>
</div>
