---
title: กระดานถาม-ตอบ
---
<ol class="breadcrumb"><li><a href="/">หน้าหลัก</a></li><li class="active">กระดานถาม-ตอบ (Q&amp;A)</li></ol>
<h2 class="page-title">กระดานถาม-ตอบ (Web board)</h2>
<p>ประชาชนสามารถตั้งคำถามถึง อบต.หนองใหญ่ เจ้าหน้าที่จะตอบภายใน ๑ – ๒ วันทำการ หรือสอบถามผ่าน <a href="{{//line.me}}/R/ti/p/@nongyai.sao">LINE Official Account @nongyai.sao</a></p>
<table class="table table-striped"><thead><tr><th>หัวข้อกระทู้</th><th>ผู้ตั้ง</th><th>วันที่</th><th>ตอบ</th></tr></thead><tbody>
<tr><td><a href="/webboard.php?topic=45">สอบถามเรื่องการชำระภาษีที่ดินผ่านโอนเงิน</a></td><td>ชาวบ้านหมู่ 3</td><td>3 เม.ย. 2568</td><td>1</td></tr>
<tr><td><a href="/webboard.php?topic=44">ถนนลูกรังหมู่ 8 เป็นหลุมบ่อหลังฝนตก</a></td><td>คนโนนสวรรค์</td><td>18 ก.พ. 2568</td><td>1</td></tr>
<tr><td><a href="/webboard.php?topic=41">ขั้นตอนลงทะเบียนเบี้ยยังชีพผู้สูงอายุ</a></td><td>ลูกหลานหมู่ 5</td><td>9 ม.ค. 2568</td><td>1</td></tr>
</tbody></table>
<h3>ตั้งกระทู้ใหม่</h3>
<form method="post" action="/webboard.php?action=new"><input name="title" placeholder="หัวข้อ"><textarea name="detail" placeholder="รายละเอียด"></textarea><input name="name" placeholder="ชื่อ"><input name="captcha" placeholder="รหัสยืนยัน"><button type="submit">ตั้งกระทู้</button></form>
