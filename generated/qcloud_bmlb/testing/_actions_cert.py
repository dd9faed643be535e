"""Certificates: upload, replace, read back. Account-wide, as Tencent's certificate platform
keeps them (no region); what they say is read from the certificate itself (``_certs``)."""

from __future__ import annotations

from ._actions_lb import REGION_IDS
from ._calls import Answer, Call, Change, Table
from ._certs import upload
from ._state import L7Listener

__all__ = ["ACTIONS"]

ACTIONS = Table()


@ACTIONS.handles("UploadBmCert")
def upload_cert(call: Call) -> Change:
    state, args = call.state, call.args
    now = state.wall()
    cert = upload(state, args["cert_type"], args["cert"], call.get("alias"), now)
    return Change("", lambda: {"data": {"certId": cert.id}})


@ACTIONS.handles("ReplaceBmCert")
def replace_cert(call: Call) -> Change:
    state, args = call.state, call.args
    old = state.certificate(args["old_cert_id"])
    new = upload(state, old.type, args["new_cert"], call.get("new_alias"), state.wall())
    field = "cert_id" if old.type == "SVR" else "cert_ca_id"

    def apply() -> Answer:
        for lb in state.load_balancers.values():
            for listener in lb.listeners.values():
                if isinstance(listener, L7Listener) and getattr(listener, field) == old.id:
                    setattr(listener, field, new.id)
        if call.get("delete_old", 0) == 1:
            state.certificates.pop(old.id, None)
        return {"data": {"newCertId": new.id, "oldCertId": old.id}}

    return Change("", apply)


@ACTIONS.handles("GetBmCertDetail")
def cert_detail(call: Call) -> Answer:
    state = call.state
    cert = state.certificate(call.args["cert_id"])
    used_by = [
        {"lbId": lb.id, "lbName": lb.name, "vpcId": lb.vpc_id,
         "regionId": REGION_IDS.get(lb.region, 0)}
        for lb in sorted(state.load_balancers.values(), key=lambda x: x.id)
        if any(isinstance(x, L7Listener) and cert.id in (x.cert_id, x.cert_ca_id)
               for x in lb.listeners.values())
    ]  # fmt: skip
    return {
        "data": {
            "certId": cert.id, "certName": cert.name, "certType": cert.type,
            "certContent": cert.content, "certDomain": cert.domain,
            "certSubjectDomain": list(cert.subject_domains), "certUploadTime": cert.upload_time,
            "certBeginTime": cert.begin_time, "certEndTime": cert.end_time,
            "certLBList": used_by,
        }
    }  # fmt: skip
