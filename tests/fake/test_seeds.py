"""Seeds: mappings and JSON/YAML files in the shape ``fake.snapshot()`` returns, checked (every
problem, with its file, line and column), loaded, and read back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from qcloud_bmlb import Client, errors
from qcloud_bmlb.models import Backend, TaskStatus
from qcloud_bmlb.testing import DEFAULT_SEED, Binding, FakeBmlb, SeedError, load_seed

from .helpers import CPM, LB, LISTENER, poll, unbind_args

SEEDS = Path(__file__).parent / "seeds"

SEED = {
    "region": "gz",
    "credentials": [
        {"secret_id": "AKIDseeded", "secret_key": "seeded-key"},
        {"secret_id": "AKIDseededtmp", "secret_key": "seeded-tmp-key", "token": "seeded-token"},
    ],
    "load_balancers": [
        {
            "id": "lb-seeded1",
            "listeners": [
                {
                    "id": "lbl-seeded1",
                    "protocol": "tcp",
                    "port": 80,
                    "backends": [
                        {"instance_id": "cpm-seeded1", "port": 22, "probe_port": 2222},
                        {"instance_id": "cpm-seeded1", "port": 80},
                        {"vm_ip": "10.0.0.9", "port": 80, "weight": 50, "status": "Dead"},
                    ],
                },
                {"id": "lbl-seeded2", "protocol": "udp", "port": 80},
            ],
        },
        {"id": "lb-seeded0", "region": "ap-beijing"},
    ],
}


@pytest.fixture
def seed_files(tmp_path: Path) -> tuple[Path, Path]:
    as_yaml = tmp_path / "seed.yaml"
    as_yaml.write_text(yaml.safe_dump(SEED, sort_keys=False), encoding="utf-8")
    as_json = tmp_path / "seed.json"
    as_json.write_text(json.dumps(SEED, indent=2), encoding="utf-8")
    return as_yaml, as_json


def test_yaml_and_json_seeds_give_the_same_state(seed_files: tuple[Path, Path]) -> None:
    as_yaml, as_json = seed_files
    assert load_seed(as_yaml) == load_seed(as_json) == SEED
    from_yaml, from_json = FakeBmlb(seed=as_yaml), FakeBmlb(seed=str(as_json))
    assert from_yaml.snapshot() == from_json.snapshot() == FakeBmlb(seed=SEED).snapshot()
    assert from_yaml.backends("lb-seeded1", "lbl-seeded1") == [
        Binding(None, 80, weight=50, vm_ip="10.0.0.9", status="Dead"),
        Binding("cpm-seeded1", 22, probe_port=2222), Binding("cpm-seeded1", 80),
    ]  # fmt: skip


def test_regions_of_a_seed() -> None:
    fake = FakeBmlb(seed=SEED)
    # The seed's own region (an alias, read as its code) is the fake's and its resources'.
    assert fake.region == "ap-guangzhou"
    regions = {lb["id"]: lb["region"] for lb in fake.snapshot()["load_balancers"]}
    assert regions == {"lb-seeded1": "ap-guangzhou", "lb-seeded0": "ap-beijing"}
    # Without a region of its own, a seed is in its first load balancer's; given, the fake's
    # own region moves the clients, not what the seed places.
    assert FakeBmlb(seed={"load_balancers": [{"id": "lb-x", "region": "sh"}]}).region == (
        "ap-shanghai"
    )
    moved = FakeBmlb(seed=SEED, region="ap-chongqing")
    assert moved.region == "ap-chongqing"
    assert {lb["region"] for lb in moved.snapshot()["load_balancers"]} == {
        "ap-guangzhou", "ap-beijing"
    }  # fmt: skip
    assert FakeBmlb().region == "ap-guangzhou"  # no seed at all


def test_the_fake_answers_by_region(seed_files: tuple[Path, Path]) -> None:
    with FakeBmlb(seed=seed_files[0]) as fake:
        args = {
            "load_balancer_id": "lb-seeded1", "listener_id": "lbl-seeded1",
            "backends": [Backend(instance_id="cpm-seeded1", port=80)],
        }  # fmt: skip
        for elsewhere in ("ap-beijing", "bj", "ap-shanghai"):
            with fake.client(region=elsewhere) as client:
                with pytest.raises(errors.InvalidParameterCCDBLBNotExist):
                    client.unbind_bm_l4_listener_rs(**args)
        with fake.client(region="gz") as alias:  # gz is ap-guangzhou
            assert poll(alias, alias.unbind_bm_l4_listener_rs(**args).request_id)[-1] == 0


def test_the_default_seed_has_a_region_and_every_kind_of_resource() -> None:
    assert DEFAULT_SEED["region"] == "ap-guangzhou"
    snapshot = FakeBmlb(seed=DEFAULT_SEED).snapshot()
    assert all(snapshot[key] for key in ("load_balancers", "instances", "vm_ips", "vpcs"))
    protocols = {x["protocol"] for x in snapshot["load_balancers"][0]["listeners"]}
    assert protocols == {"tcp", "http"}


@pytest.mark.parametrize(
    "seed", ["DEFAULT_SEED", "SEED", "pages-l4.yaml", "pages-l7.yaml", "serve.yaml"]
)
def test_a_snapshot_is_a_seed_of_the_same_state(seed: str) -> None:
    given = {"DEFAULT_SEED": DEFAULT_SEED, "SEED": SEED}.get(seed) or SEEDS / seed
    snapshot = FakeBmlb(seed=given).snapshot()
    assert json.loads(json.dumps(snapshot)) == snapshot  # plain data
    assert FakeBmlb(seed=snapshot).snapshot() == snapshot
    copy = FakeBmlb(region=snapshot["region"])
    copy.load(snapshot)
    assert copy.snapshot() == snapshot


def test_snapshot_round_trips_after_changes(fake: FakeBmlb, client: Client) -> None:
    fake.add_load_balancer("lb-bj", region="bj")
    fake.add_listener("lb-bj", "lbl-bj", protocol="udp", port=53)
    modify = client.modify_bm_l4_listener_backend_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=4321
    )
    poll(client, modify.request_id)
    probe = client.modify_bm_l4_listener_backend_probe_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=4321, probe_port=99
    )
    poll(client, probe.request_id)
    snapshot = fake.snapshot()
    copy = FakeBmlb(seed=snapshot)
    assert copy.snapshot() == snapshot
    with copy:
        with copy.client() as other:
            # The changed backend exists in the copy under its new port, with its probe port.
            request_id = other.unbind_bm_l4_listener_rs(**unbind_args((CPM, 4321))).request_id
            assert poll(other, request_id)[-1] == TaskStatus.SUCCEEDED
            with pytest.raises(errors.InvalidParameterCCDBLBNotExist):  # region kept
                other.unbind_bm_l4_listener_rs(
                    load_balancer_id="lb-bj", listener_id="lbl-bj",
                    backends=[Backend(instance_id=CPM, port=1)],
                )  # fmt: skip
    assert Binding(CPM, 4321) not in copy.backends(LB, LISTENER)
    assert fake.backends(LB, LISTENER)[0] == Binding(CPM, 4321, probe_port=99)  # untouched


@pytest.mark.parametrize("which", ["yaml", "json"])
def test_seeded_credentials_are_accepted(seed_files: tuple[Path, Path], which: str) -> None:
    path = seed_files[0] if which == "yaml" else seed_files[1]
    args = {
        "load_balancer_id": "lb-seeded1", "listener_id": "lbl-seeded1",
        "backends": [Backend(instance_id="cpm-seeded1", port=80)],
    }  # fmt: skip
    with FakeBmlb(seed=path) as fake:
        with fake.client(secret_id="AKIDseeded", secret_key="seeded-key") as client:
            request_id = client.unbind_bm_l4_listener_rs(**args).request_id
            assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED
        with fake.client(secret_id="AKIDseededtmp", secret_key="seeded-tmp-key") as no_token:
            with pytest.raises(errors.AuthFailure):
                no_token.describe_bm_load_balancers_task_result(request_id=request_id)
        with fake.client(
            secret_id="AKIDseededtmp", secret_key="seeded-tmp-key", token="seeded-token"
        ) as temporary:
            assert temporary.describe_bm_load_balancers_task_result(request_id=request_id).status \
                == TaskStatus.SUCCEEDED  # fmt: skip
        # The fake's own random key still works next to the seeded ones.
        with fake.client() as own:
            own.describe_bm_load_balancers_task_result(request_id=request_id)
    assert "credentials" not in fake.snapshot()  # secrets are not read back


# -- checking -------------------------------------------------------------------------------------

TYPO_YAML = """\
load_balancers:
  - id: lb-typo0001
    listners:
      - {id: lbl-typo0001, port: 80}
"""

TYPO_JSON = """\
{
  "load_balancers": [
    {"id": "lb-typo0001",
     "listeners": [{"id": "lbl-typo0001", "port": 80,
                    "backends": [{"instance_id": "cpm-1", "prot": 80}]}]}
  ]
}
"""


def test_a_misspelled_key_in_yaml_is_named_with_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(TYPO_YAML, encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        FakeBmlb(seed=path)
    assert str(caught.value) == (
        f"{path}:3:5: load_balancers[0].listners: unknown key (did you mean 'listeners'?); "
        "the keys here are id, region, name, type, domain, vips, status, create_time, "
        "status_time, un_vpc_id, un_subnet_id, vpc_id, subnet_id, project_id, pay_mode, "
        "latest_pay_mode, bandwidth, tgw_set_type, exclusive, ip_protocol_type, listeners"
    )


def test_a_misspelled_key_in_json_is_named_with_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "typo.json"
    path.write_text(TYPO_JSON, encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        load_seed(path)
    lines = str(caught.value).splitlines()
    assert lines == [
        f"{path}:5:59: load_balancers[0].listeners[0].backends[0].prot: unknown key (did you "
        "mean 'port'?); the keys here are instance_id, port, probe_port, weight, vm_ip, status",
        f"{path}:5:34: load_balancers[0].listeners[0].backends[0]: 'port' is required",
    ]


def test_every_problem_is_named_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "region: Guangzhou!\n"
        "load_balancers:\n"
        "  - id: lb-one\n"
        "    type: public\n"
        "    listeners:\n"
        "      - {id: lbl-one, protocol: tcp, port: 70000}\n"
        "      - {id: lbl-one, protocol: http, port: 80, backends: []}\n"
        "      - {id: lbl-two, protocol: ftp, port: 81}\n"
        "  - {id: lb-one, vips: 1.2.3.4}\n"
        "instances:\n"
        "  - {id: cpm-1, alias: 7}\n",
        encoding="utf-8",
    )
    with pytest.raises(SeedError) as caught:
        load_seed(path)
    problems = str(caught.value).splitlines()
    assert problems == [
        f"{path}:1:1: region: must be a region such as ap-guangzhou or gz, got 'Guangzhou!'",
        f"{path}:4:5: load_balancers[0].type: must be one of open, internal, got 'public'",
        f"{path}:6:38: load_balancers[0].listeners[0].port: must be 1 to 65535, got 70000",
        f"{path}:7:49: load_balancers[0].listeners[1].backends: unknown key; the keys here "
        "are id, protocol, port, name, bandwidth, ssl_mode, cert_id, cert_ca_id, status, "
        "add_timestamp, domains",
        f"{path}:7:10: load_balancers[0].listeners[1].id: id 'lbl-one' is used already, at "
        "load_balancers[0].listeners[0].id",
        f"{path}:8:23: load_balancers[0].listeners[2].protocol: must be one of tcp, udp, "
        "http, https, got 'ftp'",
        f"{path}:9:18: load_balancers[1].vips: must be a list of strings",
        f"{path}:9:6: load_balancers[1].id: id 'lb-one' is used already, at load_balancers[0].id",
        f"{path}:11:17: instances[0].alias: must be a string, got 7",
    ]


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ("- just\n- a list\n", "the seed: must be a mapping, got list"),
        ("load_balancers: 3\n", "load_balancers: must be a list, got int"),
        ("load_balancers: [{id: lb-1, listeners: [{id: lbl-1, port: 1, backends: "
         "[{port: 2}]}]}]\n", "needs either instance_id (a physical host) or vm_ip"),
        ("certificates: [{id: c1, type: SVR}]\n", "'content' is required"),
        ("load_balancers: [{id: lb-1, listeners: [{id: lbl-1, port: 1, backends: "
         "[{vm_ip: 1.1.1.1, port: 2}, {vm_ip: 1.1.1.1, port: 2}]}]}]\n",
         "1.1.1.1 port 2 is bound already, at backends[0]"),
    ],
)  # fmt: skip
def test_a_bad_seed_is_refused(tmp_path: Path, bad: str, problem: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(SeedError, match=re.escape(problem)):
        FakeBmlb(seed=path)
    with pytest.raises(SeedError, match=r"^seed: "):  # a mapping: the path alone, no file
        FakeBmlb(seed=yaml.safe_load(bad))


def test_a_file_that_is_not_json_or_yaml_is_named_with_its_position(tmp_path: Path) -> None:
    broken_json = tmp_path / "broken.json"
    broken_json.write_text('{"load_balancers": [}', encoding="utf-8")
    with pytest.raises(SeedError, match=rf"^{broken_json}:1:21: not JSON"):
        load_seed(broken_json)
    broken_yaml = tmp_path / "broken.yaml"
    broken_yaml.write_text("load_balancers:\n  - id: [\n", encoding="utf-8")
    with pytest.raises(SeedError, match=rf"^{broken_yaml}:3:1: not YAML"):
        load_seed(broken_yaml)


def test_add_methods_refuse_unknown_parents() -> None:
    fake = FakeBmlb()
    with pytest.raises(KeyError):
        fake.add_listener("lb-nothere", LISTENER)
    fake.add_load_balancer(LB)
    with pytest.raises(KeyError):
        fake.bind(LB, "lbl-nothere", CPM, 1)
    fake.add_listener(LB, "lbl-web", protocol="http", port=80)
    with pytest.raises(KeyError):  # a layer-7 listener binds at its locations
        fake.bind(LB, "lbl-web", CPM, 1)
    with pytest.raises(ValueError):
        fake.bind(LB, "lbl-web", CPM, 1, vm_ip="10.0.0.1")


def test_add_methods_seed_what_a_seed_would(tmp_path: Path) -> None:
    fake = FakeBmlb(region="bj")
    fake.add_load_balancer("lb-1")
    fake.add_listener("lb-1", "lbl-4", protocol="udp", port=53)
    fake.add_listener("lb-1", "lbl-7", protocol="http", port=80)
    domain_id, location_id = fake.add_location("lb-1", "lbl-7", "www.example.com", "/")
    same_domain, other = fake.add_location("lb-1", "lbl-7", "www.example.com", "/api")
    assert same_domain == domain_id and other != location_id
    fake.bind("lb-1", "lbl-4", "cpm-1", 53, weight=5)
    fake.bind("lb-1", "lbl-7", None, 8080, vm_ip="10.0.0.7", location_id=location_id)
    fake.add_instance("cpm-2", alias="spare")
    fake.add_vm_ip("10.0.0.8")
    assert fake.backends("lb-1", "lbl-4") == [Binding("cpm-1", 53, weight=5)]
    assert fake.backends("lb-1", "lbl-7", location_id) == [Binding(None, 8080, vm_ip="10.0.0.7")]
    snapshot = fake.snapshot()
    assert [x["id"] for x in snapshot["instances"]] == ["cpm-1", "cpm-2"]
    assert {x["ip"] for x in snapshot["vm_ips"]} == {"10.0.0.7", "10.0.0.8"}
    assert {x["region"] for x in snapshot["instances"] + snapshot["vm_ips"]} == {"ap-beijing"}
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(snapshot), encoding="utf-8")
    assert FakeBmlb(seed=path).snapshot() == snapshot
