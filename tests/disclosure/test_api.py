from openita.disclosure.services import add_file, add_link, record_check
from openita.lib.safehttp import LinkProbe
from tests.conftest import login


def test_it_lists_evidence_with_check_results_and_hashes(coordinator, response_set_a):
    response = response_set_a.responses.select_related("item").first()
    link = add_link(response, by=coordinator, url="https://example.go.th/structure")
    record_check(
        link.pk,
        LinkProbe(url=link.url, final_url=link.url, status=404, redirects=[], content_type="",
                  content_length=0, outcome="broken", detail="HTTP 404"),
    )  # fmt: skip
    evidence = add_file(response, by=coordinator, name="chart.pdf", content=b"%PDF-1.4 chart")
    data = login(coordinator).get(f"/api/response-sets/{response_set_a.uuid}").json()
    item = next(i for i in data["items"] if i["code"] == response.item.code)
    assert data["status"] == "open"
    assert item["links"][0]["url"] == "https://example.go.th/structure"
    assert item["links"][0]["check_outcome"] == "broken"
    assert item["links"][0]["check_status"] == 404
    assert item["files"] == [
        {"uuid": str(evidence.uuid), "name": "chart.pdf", "size": 14, "sha256": evidence.sha256}
    ]
