"""`danchu api_token create --user NAME [--write] [--days N] [--name TEXT]` prints a new token
(the only time it is shown); `danchu api_token revoke --user NAME --hint dcu_xxxxxx` revokes one."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from danchu.api import actions
from danchu.api.models import ApiToken


class Command(BaseCommand):
    help = "Tạo hoặc thu hồi mã truy cập API của một người dùng."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        create = sub.add_parser("create", help="Tạo mã và in ra (chỉ một lần).")
        create.add_argument("--user", required=True)
        create.add_argument("--write", action="store_true", help="Mã được ghi (mặc định: chỉ đọc).")
        create.add_argument("--days", type=int, default=actions.DEFAULT_DAYS)
        create.add_argument("--name", default="Dòng lệnh")
        revoke = sub.add_parser("revoke", help="Thu hồi mã theo phần nhận dạng.")
        revoke.add_argument("--user", required=True)
        revoke.add_argument("--hint", required=True)

    def handle(self, *args, verb, user, **options):
        account = get_user_model().objects.filter(username=user).first()
        if account is None:
            raise CommandError(f"Không có người dùng {user!r}.")
        try:
            if verb == "create":
                token, secret = actions.create_token(
                    account, actor=None, name=options["name"], write=options["write"], days=options["days"]
                )
                self.stdout.write(secret)
            else:
                token = ApiToken.objects.filter(user=account, hint=options["hint"]).first()
                if token is None:
                    raise CommandError("Không tìm thấy mã truy cập đó.")
                actions.revoke_token(token, actor=None)
                self.stdout.write(f"Đã thu hồi {token}")
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
