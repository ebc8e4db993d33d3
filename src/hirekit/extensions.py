"""Flask extensions, created unbound; the application factory binds them."""

from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from hirekit.api_base import HirekitApi
from hirekit.db import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
# No default limits: only the routes that need throttling (sign-in) declare one.
limiter = Limiter(key_func=get_remote_address, default_limits=[])
api = HirekitApi()
