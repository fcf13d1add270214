---
title: 'เว็บบอร์ด'
---
<h2>เว็บบอร์ด (กระดานถาม-ตอบ)</h2>
<table class="list"><tr><th>หัวข้อ</th><th>ผู้ตั้ง</th><th>ตอบ</th><th>วันที่</th></tr>
<tr><td><a href="/webboard_topic.php?id=57">สอบถามการลงทะเบียนเบี้ยยังชีพผู้สูงอายุ ปี 2570</a></td><td>ลูกหลานหมู่ 5</td><td>1</td><td>2 เม.ย. 2569</td></tr>
<tr><td><a href="/webboard_topic.php?id=54">ไฟส่องสว่างริมถนนหมู่ 6 ดับหลายจุด</a></td><td>ชาวริมน่าน</td><td>2</td><td>18 ก.พ. 2569</td></tr>
<tr><td><a href="/webboard_topic.php?id=51">ชำระภาษีที่ดินออนไลน์ได้ไหมครับ</a></td><td>somchai_k</td><td>1</td><td>9 ม.ค. 2569</td></tr>
</table>
<h3>ตั้งกระทู้ใหม่</h3>
<form method="post" action="/webboard_post.php"><p>หัวข้อ <input name="subject"></p><p>ชื่อผู้ตั้ง <input name="name"></p><p>ข้อความ <textarea name="detail"></textarea></p><p><button>ตั้งกระทู้</button></p></form>