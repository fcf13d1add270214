---
title: 'No Gift Policy'
---
<h2>นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)</h2>
<p><img src="/upload/nogift/poster-nogift-2569.jpg" width="500"></p>
<ul>
<li><a href="/upload/doc/20251010_093312_nogift.pdf">ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. 2569</a> (ลงนามโดยนายก อบต. 10 ต.ค. 2568)</li>
<li><a href="/news_detail.php?id=301">ข่าว : นายก อบต.ท่าโพธิ์ ลงนามประกาศเจตนารมณ์ No Gift Policy</a></li>
<li><a href="/news_detail.php?id=305">กิจกรรมสร้างวัฒนธรรมองค์กรไม่รับของขวัญ และให้ความรู้เรื่องการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา (20 พ.ย. 2568)</a></li>
</ul>