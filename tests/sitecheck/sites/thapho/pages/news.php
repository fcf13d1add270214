---
title: 'ข่าวประชาสัมพันธ์'
---
<h2>ข่าวประชาสัมพันธ์ / ข่าวกิจกรรม</h2>
<table class="list">
<tr><td><img src="/upload/news/342_1.jpg" width="120"></td><td><a href="/news_detail.php?id=342">อบต.ท่าโพธิ์ รณรงค์ป้องกันโรคไข้เลือดออกก่อนฤดูฝน</a><br><small>28 เมษายน 2569</small></td></tr>
<tr><td><img src="/upload/news/338_1.jpg" width="120"></td><td><a href="/news_detail.php?id=338">ประชาสัมพันธ์ ชำระภาษีที่ดินและสิ่งปลูกสร้าง ภายในวันที่ 30 เมษายน 2569</a><br><small>22 เมษายน 2569</small></td></tr>
<tr><td><img src="/upload/news/334_1.jpg" width="120"></td><td><a href="/news_detail.php?id=334">ประเพณีสงกรานต์และรดน้ำดำหัวผู้สูงอายุ ประจำปี 2569</a><br><small>13 เมษายน 2569</small></td></tr>
<tr><td><img src="/upload/news/331_1.jpg" width="120"></td><td><a href="/news_detail.php?id=331">ส่งมอบถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 สายท่าน้ำ</a><br><small>20 มีนาคม 2569</small></td></tr>
<tr><td><img src="/upload/news/327_1.jpg" width="120"></td><td><a href="/news_detail.php?id=327">อบรมส่งเสริมกลุ่มอาชีพแปรรูปส้มโอ</a><br><small>3 มีนาคม 2569</small></td></tr>
<tr><td><img src="/upload/news/323_1.jpg" width="120"></td><td><a href="/news_detail.php?id=323">ประชุมประชาคมระดับตำบล ประจำปี 2569</a><br><small>12 กุมภาพันธ์ 2569</small></td></tr>
<tr><td><img src="/upload/news/318_1.jpg" width="120"></td><td><a href="/news_detail.php?id=318">ออกหน่วยฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า</a><br><small>28 มกราคม 2569</small></td></tr>
<tr><td><img src="/upload/news/316_1.jpg" width="120"></td><td><a href="/news_detail.php?id=316">งานวันเด็กแห่งชาติ ประจำปี 2569</a><br><small>10 มกราคม 2569</small></td></tr>
<tr><td><img src="/upload/news/312_1.jpg" width="120"></td><td><a href="/news_detail.php?id=312">โครงการอบรมคุณธรรมจริยธรรมเพื่อเสริมสร้างมาตรฐานทางจริยธรรม ประจำปีงบประมาณ พ.ศ. 2569</a><br><small>16 ธันวาคม 2568</small></td></tr>
<tr><td><img src="/upload/news/305_1.jpg" width="120"></td><td><a href="/news_detail.php?id=305">กิจกรรมสร้างวัฒนธรรมองค์กรไม่รับของขวัญ (No Gift Policy) และให้ความรู้เรื่องการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา</a><br><small>20 พฤศจิกายน 2568</small></td></tr>
<tr><td><img src="/upload/news/303_1.jpg" width="120"></td><td><a href="/news_detail.php?id=303">ประเพณีลอยกระทง ประจำปี 2568</a><br><small>6 พฤศจิกายน 2568</small></td></tr>
<tr><td><img src="/upload/news/301_1.jpg" width="120"></td><td><a href="/news_detail.php?id=301">นายก อบต.ท่าโพธิ์ ลงนามประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ 2569</a><br><small>10 ตุลาคม 2568</small></td></tr>
<tr><td><img src="/upload/news/288_1.jpg" width="120"></td><td><a href="/news_detail.php?id=288">สภา อบต.ท่าโพธิ์ ประชุมสมัยสามัญ สมัยที่ 3 พิจารณาร่างข้อบัญญัติงบประมาณ 2569</a><br><small>20 สิงหาคม 2568</small></td></tr>
</table>
<p>หน้า 1 จาก 1</p>
