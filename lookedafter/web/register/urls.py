"""The register's URLs. Every pattern must have a row in tests/web/test_url_matrix.py."""

from django.urls import path

from lookedafter.web.register.views import auth, children, dashboard, records, returns, team

urlpatterns = [
    path("", auth.home, name="register-home"),
    path("sign-in/", auth.sign_in, name="register-login"),
    path("sign-in/code/", auth.verify, name="register-verify"),
    path("sign-out/", auth.sign_out, name="register-logout"),
    path("my-children/", children.my_children, name="register-my-children"),
    path("children/", children.children, name="register-children"),
    path("children/<str:child_id>/", children.child_detail, name="register-child"),
    path("children/<str:child_id>/visit/", records.record_visit, name="register-record-visit"),
    path("children/<str:child_id>/review/", records.record_review, name="register-record-review"),
    path("children/<str:child_id>/health/", records.record_health, name="register-record-health"),
    path("children/<str:child_id>/pep/", records.record_pep, name="register-record-pep"),
    path(
        "children/<str:child_id>/missing/", records.record_missing, name="register-record-missing"
    ),
    path(
        "children/<str:child_id>/return-interview/",
        records.record_return_interview,
        name="register-record-return-interview",
    ),
    path(
        "children/<str:child_id>/placement/",
        records.change_placement,
        name="register-change-placement",
    ),
    path("children/<str:child_id>/worker/", records.change_worker, name="register-change-worker"),
    path(
        "children/<str:child_id>/oversight/",
        records.record_oversight,
        name="register-record-oversight",
    ),
    path("team/", team.team_worklist, name="register-team"),
    path("team/caseloads/", team.caseloads, name="register-caseloads"),
    path("iro/", team.iro_children, name="register-iro"),
    path("audit/", team.audit_log, name="register-audit-log"),
    path("dashboard/", dashboard.dashboard, name="register-dashboard"),
    path("dashboard/<str:measure>/", dashboard.measure_children, name="register-measure"),
    path("returns/", returns.upload_return, name="register-returns"),
    path("returns/<int:upload_id>/", returns.preview_return, name="register-return"),
    path("returns/<int:upload_id>/apply/", returns.apply_return, name="register-return-apply"),
    path("returns/validation/<int:year>/", returns.validation_report, name="register-validation"),
    path("returns/download/<int:year>/", returns.download_return, name="register-download-return"),
]
