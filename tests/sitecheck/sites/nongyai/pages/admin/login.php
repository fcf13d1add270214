<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>เข้าสู่ระบบผู้ดูแล - LocalGov CMS</title></head>
<body><h1>ระบบจัดการเว็บไซต์ อบต.หนองใหญ่</h1>
<form method="post" action="/admin/login.php"><label>ชื่อผู้ใช้ <input name="username"></label><label>รหัสผ่าน <input type="password" name="password"></label><button type="submit">เข้าสู่ระบบ</button></form>
</body></html>
