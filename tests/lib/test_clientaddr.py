from openita.lib.clientaddr import client_address


def test_it_uses_the_connection_without_proxies():
    meta = {"REMOTE_ADDR": "10.0.0.9", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}
    assert client_address(meta) == "10.0.0.9"  # a forwarded header from a client is ignored


def test_it_takes_the_address_the_trusted_proxy_saw():
    meta = {"REMOTE_ADDR": "10.0.0.9", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.5"}
    assert client_address(meta, hops=1) == "203.0.113.5"  # 6.6.6.6 was written by the client
    assert client_address(meta, hops=2) == "6.6.6.6"
    assert client_address({"REMOTE_ADDR": "10.0.0.9"}, hops=1) == "10.0.0.9"
