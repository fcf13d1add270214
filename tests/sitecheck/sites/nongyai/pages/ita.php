---
title: ITA การประเมินคุณธรรมและความโปร่งใส
---
<ol class="breadcrumb"><li><a href="/">หน้าหลัก</a></li><li class="active">ITA การประเมินคุณธรรมและความโปร่งใส</li></ol>
<h2 class="page-title">การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)</h2>
<p>องค์การบริหารส่วนตำบลหนองใหญ่ เปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT) ตามแบบตรวจการเปิดเผยข้อมูลสาธารณะของสำนักงาน ป.ป.ช.</p>
<ul class="nav nav-tabs" role="tablist">
  <li role="presentation" class="active"><a href="#ita2568" aria-controls="ita2568" role="tab" data-toggle="tab">ITA ปี 2568</a></li>
  <li role="presentation"><a href="#ita2567" aria-controls="ita2567" role="tab" data-toggle="tab">ITA ปี 2567</a></li>
</ul>
<div class="tab-content">
<div role="tabpanel" class="tab-pane active" id="ita2568">
<h3>แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h3>
<table class="table table-bordered table-hover ita-table">
<thead><tr><th style="width:70px">ข้อ</th><th>ข้อมูล</th><th style="width:90px">ลิงก์</th></tr></thead>
<tbody>
<tr class="topic"><td colspan="3"><strong>ข้อมูลพื้นฐาน</strong></td></tr>
<tr><td class="text-center">O1</td><td>โครงสร้างและอำนาจหน้าที่</td><td class="text-center"><a href="/structure.php" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O2</td><td>ข้อมูลผู้บริหาร</td><td class="text-center"><a href="/personnel.php?dep=1" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O3</td><td>ข้อมูลการติดต่อ</td><td class="text-center"><a href="/contact.php" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>การประชาสัมพันธ์</strong></td></tr>
<tr><td class="text-center">O4</td><td>ข่าวประชาสัมพันธ์</td><td class="text-center"><a href="/news.php?cat=1" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>แผนการดำเนินงานและงบประมาณ</strong></td></tr>
<tr><td class="text-center">O5</td><td>แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน</td><td class="text-center"><a href="/datacenter.php?cat=3" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O6</td><td>แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=5" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O7</td><td>รายงานผลการดำเนินงานประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=7" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>การปฏิบัติงาน</strong></td></tr>
<tr><td class="text-center">O8</td><td>คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่</td><td class="text-center"><a href="/upload/datacenter/file_1718245530.pdf" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>การให้บริการและการติดต่อประสานงาน</strong></td></tr>
<tr><td class="text-center">O9</td><td>คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ</td><td class="text-center"><a href="/upload/datacenter/file_1718245611.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O10</td><td>E-Service</td><td class="text-center"><a href="/eservice.php" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O11</td><td>ข้อมูลสถิติการให้บริการ</td><td class="text-center"><a href="{{//drive.google.com}}/file/d/1nYsTaT2567sErViCeStAtXyZqw/view?usp=drive_link" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>การจัดซื้อจัดจ้าง</strong></td></tr>
<tr><td class="text-center">O12</td><td>รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ</td><td class="text-center"><a href="/datacenter.php?cat=12" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O13</td><td>รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=12" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>การบริหารและพัฒนาทรัพยากรบุคคล</strong></td></tr>
<tr><td class="text-center">O14</td><td>แผนการบริหารและพัฒนาทรัพยากรบุคคล</td><td class="text-center"><a href="/datacenter.php?cat=15" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O15</td><td>รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=15" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O16</td><td>ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม</td><td class="text-center"><a href="/page.php?id=7" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>การจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</strong></td></tr>
<tr><td class="text-center">O17</td><td>แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td><td class="text-center"><a href="/upload/files/คู่มือการจัดการเรื่องร้องเรียนการทุจริต.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O18</td><td>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td><td class="text-center"><a href="/complaint.php?type=corruption" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O19</td><td>ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td><td class="text-center"><a href="/upload/datacenter/file_1729061130.pdf" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>การเปิดโอกาสให้เกิดการมีส่วนร่วม</strong></td></tr>
<tr><td class="text-center">O20</td><td>การเปิดโอกาสให้เกิดการมีส่วนร่วม</td><td class="text-center"><a href="/news_detail.php?id=212" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>การดำเนินการเพื่อป้องกันการทุจริต</strong></td></tr>
<tr><td class="text-center">O21</td><td>ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่</td><td class="text-center"><a href="/page.php?id=8" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O22</td><td>รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา</td><td class="text-center">-</td></tr>
<tr class="topic"><td colspan="3"><strong>การประเมินความเสี่ยงเพื่อป้องกันการทุจริต</strong></td></tr>
<tr><td class="text-center">O23</td><td>การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน</td><td class="text-center"><a href="/datacenter.php?cat=18" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O24</td><td>รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ</td><td class="text-center"><a href="/datacenter.php?cat=18" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>แผนป้องกันการทุจริต</strong></td></tr>
<tr><td class="text-center">O25</td><td>แผนปฏิบัติการป้องกันการทุจริต</td><td class="text-center"><a href="/datacenter.php?cat=18" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O26</td><td>รายงานผลการดำเนินการป้องกันการทุจริต</td><td class="text-center"><a href="/datacenter.php?cat=18" target="_blank">คลิก</a></td></tr>
<tr class="topic"><td colspan="3"><strong>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</strong></td></tr>
<tr><td class="text-center">O27</td><td>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</td><td class="text-center"><a href="/upload/datacenter/file_1711593307.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O28</td><td>รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</td><td class="text-center"><a href="/datacenter.php?cat=21" target="_blank">คลิก</a></td></tr>
</tbody>
</table>
</div>
<div role="tabpanel" class="tab-pane" id="ita2567">
<h3>แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. ๒๕๖๗</h3>
<table class="table table-bordered table-hover ita-table">
<thead><tr><th style="width:70px">ข้อ</th><th>ข้อมูล</th><th style="width:90px">ลิงก์</th></tr></thead>
<tbody>
<tr><td class="text-center">O1</td><td>โครงสร้าง</td><td class="text-center"><a href="/structure.php" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O2</td><td>ข้อมูลผู้บริหาร</td><td class="text-center"><a href="/personnel.php?dep=1" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O3</td><td>อำนาจหน้าที่</td><td class="text-center"><a href="/page.php?id=4" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O4</td><td>ข้อมูลการติดต่อ</td><td class="text-center"><a href="/contact.php" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O5</td><td>ข่าวประชาสัมพันธ์</td><td class="text-center"><a href="/news.php?cat=1" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O6</td><td>Q&amp;A</td><td class="text-center"><a href="/webboard.php" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O7</td><td>แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน</td><td class="text-center"><a href="/datacenter.php?cat=3" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O8</td><td>แผนดำเนินงานและการใช้งบประมาณประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=5" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O9</td><td>รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน</td><td class="text-center"><a href="/datacenter.php?cat=5" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O10</td><td>รายงานผลการดำเนินงานประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=7" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O11</td><td>คู่มือหรือมาตรฐานการปฏิบัติงาน</td><td class="text-center"><a href="/upload/datacenter/file_1718245530.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O12</td><td>คู่มือหรือมาตรฐานการให้บริการ</td><td class="text-center"><a href="/upload/datacenter/file_1718245611.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O13</td><td>ข้อมูลเชิงสถิติการให้บริการ</td><td class="text-center"><a href="{{//drive.google.com}}/file/d/1nYsTaT2567sErViCeStAtXyZqw/view?usp=drive_link" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O14</td><td>E-Service</td><td class="text-center"><a href="/eservice.php" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O15</td><td>แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ</td><td class="text-center"><a href="/datacenter.php?cat=12&amp;page=2" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O16</td><td>ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ</td><td class="text-center"><a href="/news.php?cat=3" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O17</td><td>สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน</td><td class="text-center"><a href="/datacenter.php?cat=12" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O18</td><td>รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=12&amp;page=2" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O19</td><td>นโยบายการบริหารทรัพยากรบุคคล</td><td class="text-center"><a href="/page.php?id=9" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O20</td><td>การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล</td><td class="text-center"><a href="/datacenter.php?cat=15" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O21</td><td>รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=15" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O22</td><td>แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td><td class="text-center"><a href="/upload/files/คู่มือการจัดการเรื่องร้องเรียนการทุจริต.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O23</td><td>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td><td class="text-center"><a href="/complaint.php?type=corruption" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O24</td><td>รายงานข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่</td><td class="text-center"><a href="/upload/datacenter/file_1697432261.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O25</td><td>การเปิดโอกาสให้เกิดการมีส่วนร่วม</td><td class="text-center"><a href="/news_detail.php?id=150" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O26</td><td>ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่</td><td class="text-center"><a href="/upload/files/ประกาศ-NoGiftPolicy-2567.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O27</td><td>การสร้างวัฒนธรรม No Gift Policy</td><td class="text-center"><a href="/news_detail.php?id=141" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O28</td><td>รายงานการรับของขวัญและของกำนัลตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่</td><td class="text-center">-</td></tr>
<tr><td class="text-center">O29</td><td>การประเมินความเสี่ยงการทุจริตประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=18" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O30</td><td>การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต</td><td class="text-center"><a href="/datacenter.php?cat=18" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O31</td><td>แผนปฏิบัติการป้องกันการทุจริต</td><td class="text-center"><a href="/datacenter.php?cat=18" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O32</td><td>รายงานผลการดำเนินการป้องกันการทุจริตประจำปี</td><td class="text-center"><a href="/datacenter.php?cat=18" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O33</td><td>ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ</td><td class="text-center"><a href="/upload/files/ประมวลจริยธรรมพนักงานส่วนตำบล-อบต.หนองใหญ่.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O34</td><td>การขับเคลื่อนจริยธรรม</td><td class="text-center"><a href="/news_detail.php?id=170" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O35</td><td>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</td><td class="text-center"><a href="/upload/datacenter/file_1711593307.pdf" target="_blank">คลิก</a></td></tr>
<tr><td class="text-center">O36</td><td>การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</td><td class="text-center"><a href="/datacenter.php?cat=21" target="_blank">คลิก</a></td></tr>
</tbody>
</table>
</div>
</div>
<p class="text-muted">ปรับปรุงข้อมูลล่าสุด : 25 เมษายน 2568</p>
