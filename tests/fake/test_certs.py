"""Certificates: uploaded, read back, replaced (with the listeners that use them), checked as
Tencent's certificate platform would (content and validity), through a real ``Client``."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from qcloud_bmlb import Client, errors
from qcloud_bmlb.models import CreateBmForwardListenersListener
from qcloud_bmlb.testing import FakeBmlb, make_certificate

from .helpers import LB, done


def upload(client: Client, pem: str, cert_type: str = "SVR", alias: str = "mine") -> str:
    return client.upload_bm_cert(cert_type=cert_type, cert=pem, key="KEY", alias=alias).data.cert_id  # type: ignore[arg-type]


def test_an_uploaded_certificate_says_what_it_holds(client: Client) -> None:
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    pem = make_certificate("api.example.com", alt_names=("a.example.com",), not_before=start,
                           days=3650)  # fmt: skip
    cert_id = upload(client, pem)
    cert = client.get_bm_cert_detail(cert_id=cert_id).data
    assert (cert.cert_id, cert.cert_name, cert.cert_type, cert.cert_content) == (
        cert_id, "mine", "SVR", pem
    )  # fmt: skip
    assert cert.cert_domain == "api.example.com"
    assert cert.cert_subject_domain == ["api.example.com", "a.example.com"]
    assert cert.cert_begin_time == "2026-01-01 08:00:00"  # Beijing time, as the pages show it
    assert cert.cert_end_time == "2035-12-30 08:00:00"
    assert cert.cert_lb_list == []  # no listener uses it yet


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("not a certificate", errors.InvalidParameterInvalidCertContent),
        ("-----BEGIN CERTIFICATE-----\nbm90IGRlcg==\n-----END CERTIFICATE-----",
         errors.InvalidParameterInvalidCertContent),
        (make_certificate("old.example.com", not_before=datetime(2015, 1, 1, tzinfo=timezone.utc),
                          days=30), errors.InvalidParameterCertNotInValidTime),
        (make_certificate("new.example.com",
                          not_before=datetime.now(timezone.utc) + timedelta(days=2)),
         errors.InvalidParameterCertNotInValidTime),
    ],
)  # fmt: skip
def test_what_the_platform_refuses(client: Client, content: str, error: type) -> None:
    with pytest.raises(error):
        upload(client, content)


def test_replace_moves_the_listeners_to_the_new_certificate(fake: FakeBmlb, client: Client) -> None:
    old = upload(client, make_certificate("shop.example.com"))
    (listener_id,) = client.create_bm_forward_listeners(load_balancer_id=LB, listeners=[
        CreateBmForwardListenersListener(load_balancer_port=443, protocol="https",
                                         listener_name="shop", ssl_mode=1, cert_id=old)
    ]).listener_ids  # fmt: skip
    assert [x.lb_id for x in client.get_bm_cert_detail(cert_id=old).data.cert_lb_list] == [LB]
    replaced = client.replace_bm_cert(
        old_cert_id=old, new_cert=make_certificate("shop.example.com"), new_alias="shop-2"
    ).data
    assert replaced.old_cert_id == old and replaced.new_cert_id != old
    (shown,) = client.describe_bm_forward_listeners(
        load_balancer_id=LB, listener_ids=[listener_id]
    ).listener_set
    assert shown.cert_id == replaced.new_cert_id
    assert client.get_bm_cert_detail(cert_id=old).data.cert_lb_list == []  # kept, unused
    again = client.replace_bm_cert(
        old_cert_id=replaced.new_cert_id, new_cert=make_certificate("shop.example.com"),
        delete_old=1,
    ).data  # fmt: skip
    with pytest.raises(errors.InvalidResourceCertPlatformErr):
        client.get_bm_cert_detail(cert_id=replaced.new_cert_id)
    assert client.get_bm_cert_detail(cert_id=again.new_cert_id).data.cert_type == "SVR"
    done(client, client.modify_bm_forward_listener(  # a listener can be moved by hand too
        load_balancer_id=LB, listener_id=listener_id, cert_id=old
    ))  # fmt: skip


def test_an_unknown_certificate_is_minus_20000(client: Client) -> None:
    with pytest.raises(errors.InvalidResourceCertPlatformErr):
        client.get_bm_cert_detail(cert_id="nothere")
    with pytest.raises(errors.InvalidResourceCertPlatformErr):
        client.replace_bm_cert(old_cert_id="nothere", new_cert=make_certificate("a.com"))
