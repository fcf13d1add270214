---
title: 'กฎหมายที่เกี่ยวข้อง'
---
<h2>กฎหมาย ระเบียบ ที่เกี่ยวข้อง</h2>
<ul>
<li><a href="{{//www.krisdika.go.th}}/law?lawId=1" target="_blank">พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537</a></li>
<li><a href="{{//www.krisdika.go.th}}/law?lawId=2" target="_blank">พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560</a></li>
<li><a href="{{//www.krisdika.go.th}}/law?lawId=3" target="_blank">พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540</a></li>
</ul>