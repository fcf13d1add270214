---
title: ITA 2568
---
<div class="head">การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</div>
<p>แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) สำนักงานสาธารณสุขจังหวัดไพรวัลย์ | ผู้รับผิดชอบ : กลุ่มกฎหมาย และกลุ่มงานพัฒนายุทธศาสตร์สาธารณสุข | ปรับปรุงข้อมูล ๒๒/๐๔/๒๕๖๘</p>
<table class="grid ita" width="100%" border="1" cellpadding="4" cellspacing="0">
  <tr><th width="50">ข้อ</th><th>รายการ</th><th width="260">ลิงก์/ไฟล์</th></tr>
  <tr class="group"><td colspan="3">ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล</td></tr>
  <tr class="group"><td colspan="3">๙.๑ ข้อมูลพื้นฐาน</td></tr>
  <tr><td>O1</td><td>โครงสร้างและอำนาจหน้าที่</td><td><a href="/download.php?id=2301" target="_blank">โครงสร้างและอำนาจหน้าที่.pdf</a></td></tr>
  <tr><td>O2</td><td>ข้อมูลผู้บริหาร</td><td><a href="/s/K7pQ2" target="_blank">ทำเนียบผู้บริหาร (คลิก)</a></td></tr>
  <tr><td>O3</td><td>ข้อมูลการติดต่อ</td><td><a href="/contact.php" target="_blank">คลิก</a></td></tr>
  <tr><td>O4</td><td>ข่าวประชาสัมพันธ์</td><td><a href="/news.php" target="_blank">ข่าวประชาสัมพันธ์</a></td></tr>
  <tr class="group"><td colspan="3">๙.๒ การบริหารงานและการใช้จ่ายงบประมาณ</td></tr>
  <tr><td>O5</td><td>แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน</td><td><a href="/s/Hd4Lp" target="_blank">แผนยุทธศาสตร์สุขภาพ ๒๕๖๖-๒๕๗๐</a></td></tr>
  <tr><td>O6</td><td>แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี</td><td><a href="/download.php?id=2306" target="_blank">แผนปฏิบัติราชการ ปี ๒๕๖๘</a><br /><a href="/download.php?id=2342" target="_blank">ความก้าวหน้า รอบ ๖ เดือน</a></td></tr>
  <tr><td>O7</td><td>รายงานผลการดำเนินงานประจำปี</td><td><a href="/plan/report.php" target="_blank">คลิก</a></td></tr>
  <tr><td>O8</td><td>คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่</td><td><a href="/s/mNu83" target="_blank">คู่มือการตรวจสถานที่ผลิตอาหาร</a></td></tr>
  <tr><td>O9</td><td>คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ</td><td><a href="/service/consumer.php" target="_blank">คู่มือสำหรับประชาชน</a></td></tr>
  <tr><td>O๑๐</td><td>E–Service</td><td><a href="/eservice/" target="_blank">ระบบยื่นคำขอออนไลน์</a></td></tr>
  <tr><td>O11</td><td>ข้อมูลสถิติการให้บริการ</td><td><a href="/download.php?id=2315">สถิติ ปีงบ ๖๗ (xlsx)</a></td></tr>
  <tr class="group"><td colspan="3">๙.๓ การจัดซื้อจัดจ้าง</td></tr>
  <tr><td>O 12</td><td>รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ</td><td><a href="{{//drive.google.com}}/file/d/1PhR12ProcurePlan2568xYzPrivAteQwEr/view?usp=sharing" target="_blank">คลิก</a></td></tr>
  <tr><td>O13</td><td>รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี</td><td><a href="/download.php?id=2318" target="_blank">สรุปผลการจัดซื้อจัดจ้าง ปีงบ 2567</a></td></tr>
  <tr class="group"><td colspan="3">๙.๔ การบริหารและพัฒนาทรัพยากรบุคคล</td></tr>
  <tr><td>o14</td><td>แผนการบริหารและพัฒนาทรัพยากรบุคคล</td><td><a href="/download.php?id=1590" target="_blank">แผน HR</a></td></tr>
  <tr><td>O15</td><td>รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี</td><td><a href="/download.php?id=2321" target="_blank">คลิก</a></td></tr>
  <tr><td>O16</td><td>ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม</td><td><a href="/download.php?id=2322" target="_blank">ประมวลจริยธรรม</a></td></tr>
  <tr class="group"><td colspan="3">๙.๕ การส่งเสริมความโปร่งใส</td></tr>
  <tr><td>O17</td><td>แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td><td><a href="/s/Rt5wE" target="_blank">แนวปฏิบัติฯ</a></td></tr>
  <tr><td>O18</td><td>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td><td><a href="/complain.php?type=corrupt" target="_blank">แจ้งเรื่องร้องเรียนการทุจริต</a></td></tr>
  <tr><td>O19</td><td>ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td><td><a href="/s/Zq81m" target="_blank">สถิติเรื่องร้องเรียน ปี ๒๕๖๗</a></td></tr>
  <tr><td>O20</td><td>การเปิดโอกาสให้เกิดการมีส่วนร่วม</td><td><a href="{{//drive.google.com}}/file/d/1PhR20PublicHearing2568aBcDeFgHiJkL/view?usp=sharing" target="_blank">รายงานผลการเปิดโอกาสให้มีส่วนร่วม</a></td></tr>
  <tr class="group"><td colspan="3">ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต</td></tr>
  <tr class="group"><td colspan="3">๑๐.๑ การดำเนินการเพื่อป้องกันการทุจริต</td></tr>
  <tr><td>O21</td><td>ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่</td><td><a href="/download.php?id=2331" target="_blank">ประกาศเจตนารมณ์</a> , <a href="/news_detail.php?id=421" target="_blank">กิจกรรม</a></td></tr>
  <tr><td>O 22</td><td>รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา</td><td>-</td></tr>
  <tr><td>O23</td><td>การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน</td><td><a href="/download.php?id=2334" target="_blank">ผลการประเมินความเสี่ยง ๒๕๖๘</a></td></tr>
  <tr><td>O24</td><td>รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ</td><td><a href="/download.php?id=2336" target="_blank">คลิก</a></td></tr>
  <tr><td>O25</td><td>แผนปฏิบัติการป้องกันการทุจริต</td><td><a href="/download.php?id=2337" target="_blank">แผนปฏิบัติการป้องกันการทุจริต ปี ๖๘</a></td></tr>
  <tr><td>O26</td><td>รายงานผลการดำเนินการป้องกันการทุจริต</td><td><a href="/download.php?id=2339">รายงานผล ปี ๒๕๖๗ (Word)</a></td></tr>
  <tr class="group"><td colspan="3">๑๐.๒ มาตรการส่งเสริมคุณธรรมและความโปร่งใส</td></tr>
  <tr><td>O27</td><td>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</td><td><a href="/uploads/ita2568/O27_มาตรการส่งเสริมคุณธรรม_2568.pdf" target="_blank">O27_มาตรการส่งเสริมคุณธรรม_2568.pdf</a></td></tr>
  <tr><td>O28</td><td>รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</td><td><a href="/download.php?id=1971" target="_blank">รายงานผลการดำเนินการตามมาตรการฯ</a></td></tr>
</table>
<p class="small">หมายเหตุ : ไฟล์เอกสารเปิดด้วยโปรแกรม Adobe Reader / Microsoft Office</p>
