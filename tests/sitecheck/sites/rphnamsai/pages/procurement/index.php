---
title: ประกาศจัดซื้อจัดจ้าง
---
<main id="content" class="container">
<h1>ประกาศจัดซื้อจัดจ้าง</h1>
<table class="table"><tr><th>วันที่</th><th>เรื่อง</th></tr>
<tr><td>27 มี.ค. 2569</td><td><a href="http://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?servlet=gojsp&amp;proc_id=ShowHTMLFile&amp;processFlows=Procure&amp;projectId=69039300112" target="_blank">ประกาศผู้ชนะการเสนอราคา ซื้อเครื่องวัดความดันโลหิตอัตโนมัติ 10 เครื่อง</a></td></tr>
<tr><td>4 มี.ค. 2569</td><td><a href="http://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?servlet=gojsp&amp;proc_id=ShowHTMLFile&amp;processFlows=Procure&amp;projectId=69039300098" target="_blank">ประกาศเชิญชวน ซื้อเครื่องวัดความดันโลหิตอัตโนมัติ ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)</a></td></tr>
</table>
<p>สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1) ดูได้ที่ <a href="/ita/detail.php?id=151&amp;year=2569">ระบบ ITA ข้อ O11</a></p>
</main>
