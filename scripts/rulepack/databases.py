"""Database and directory credentials: connection URIs (MongoDB, PostgreSQL,
MySQL, Redis, AMQP, other SQL/NoSQL schemes), JDBC and ODBC/ADO.NET
connection strings, database command lines (mysql, sqlcmd, ldapsearch)
and server configuration (redis.conf, LDAP bind passwords).

The password in these is chosen by a person, so every rule is scored with
the "password" profile (scanner/score.c): `user:password@`, `secret`,
`changeme` or a documentation value stay low, a variable is dropped.
Azure SQL (`Server=...;Password=`) is in azure.json."""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("databases")

# Characters a password takes in a URI's user-info.  '@' is allowed (people
# write it unencoded); the password then runs to the last '@' before a host.
URI_PASSWORD = r"""(?<secret>[^/ \t\r\n"'<>`]{1,128})"""
URI_USER = r"""[^:@/ \t\r\n"'<>`]{0,128}"""
URI_HOST = r"""@[A-Za-z0-9\[_]"""


def pw(n=16):
    """A password-looking value without URI or connection-string delimiters."""
    return fakes._choose(R, fakes.ALNUM + "!*-_.~", n)


def uri_rule(id, name, schemes, examples, negatives, references, confidence="high"):
    rule(id, name, confidence,
         r"\b(?i:" + schemes + r")://" + URI_USER + ":" + URI_PASSWORD + URI_HOST,
         examples, negatives, references, score="password")


def add_rules():
    uri_rule("mongodb.connection-string.password", "MongoDB connection string password",
             r"mongodb(?:\+srv)?",
             ['uri: "mongodb+srv://hush-svc:%s@hush-test.contoso.mongodb.net/?retryWrites=true"' % pw(),
              "MONGO_URL=mongodb://hush-admin:%s@db1.contoso.test:27017,db2.contoso.test:27017/app" % pw(),
              '{"mongo": "mongodb://hush:%s@%s@localhost/hush-test"}' % (pw(8), pw(8))],
             ["mongodb://hush-admin:%s@%%2Ftmp%%2Fmongodb-27017.sock" % pw(),
              "mongodb://hush-admin:password@localhost/hush-test",
              "mongodb://localhost:27017/hush-test",
              "mongodb://hush:${MONGO_PASSWORD}@db.contoso.test/hush"],
             ["https://www.mongodb.com/docs/manual/reference/connection-string/"])

    uri_rule("postgres.connection-uri.password", "PostgreSQL connection URI password",
             r"postgres(?:ql)?(?:\+[a-z0-9]{1,20})?",
             ["DATABASE_URL=postgresql://hush_app:%s@pg.contoso.test:5432/hush" % pw(),
              '"REDSHIFT": "postgres://hush_etl:%s@hush-test.abc123.us-east-1.redshift.amazonaws.com:5439/dw"' % pw(),
              "SQLALCHEMY_DATABASE_URI = 'postgresql+psycopg2://hush:%s@localhost/hush'" % pw()],
             ["postgresql://hush_app@pg.contoso.test/hush",
              "postgresql://user:secret@localhost (documentation value: low)",
              "postgresql://hush:$(cat /run/secrets/pg)@localhost/hush"],
             ["https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS"])

    rule("postgres.connection-uri.password-parameter",
         "PostgreSQL connection URI password parameter", "high",
         r"\b(?i:postgres(?:ql)?)://[^ \t\r\n\"'<>`?]{0,256}\?[^ \t\r\n\"'<>`]{0,256}?"
         r"[?&]password=(?<secret>[^&# \t\r\n\"'<>`]{1,128})",
         ["postgresql:///hush?host=/var/run/postgresql&user=hush&password=%s" % pw(),
          'dsn: "postgres://pg.contoso.test/hush?sslmode=require&password=%s&user=hush"' % pw()],
         ["postgresql:///hush?host=localhost&port=5433&user=hush",
          "postgresql://pg.contoso.test/hush?password=secret"],
         ["https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-PARAMKEYWORDS"], score="password")

    uri_rule("mysql.connection-uri.password", "MySQL / MariaDB connection URI password",
             r"(?:mysql|mysqlx|mariadb)(?:\+[a-z0-9]{1,20})?",
             ["DATABASE_URL=mysql://hush_app:%s@mysql.contoso.test:3306/hush" % pw(),
              "engine = create_engine('mysql+pymysql://hush:%s@127.0.0.1/hush_test')" % pw(),
              "mysqlx://hush:%s@localhost:33060/hush" % pw()],
             ["mysql://hush_app@mysql.contoso.test/hush",
              "mysql://root:changeme@localhost/hush (default: low)"],
             ["https://dev.mysql.com/doc/refman/8.4/en/connecting-using-uri-or-key-value-pairs.html"])

    uri_rule("redis.connection-uri.password", "Redis connection URI password", r"rediss?",
             ["REDIS_URL=redis://:%s@redis.contoso.test:6379/0" % pw(),
              'cache: "rediss://default:%s@hush-test.contoso.cache.windows.net:6380"' % pw()],
             ["REDIS_URL=redis://redis.contoso.test:6379/0",
              "redis://:foobared@localhost:6379 (redis.conf sample: low)"],
             ["https://www.iana.org/assignments/uri-schemes/prov/redis",
              "https://redis.io/docs/latest/operate/oss_and_stack/management/security/"])

    uri_rule("amqp.connection-uri.password", "AMQP (RabbitMQ) connection URI password",
             r"amqps?",
             ["CELERY_BROKER_URL=amqp://hush:%s@rabbit.contoso.test:5672/hush" % pw(),
              'broker: "amqps://hush-svc:%s@b-1234.mq.us-east-1.amazonaws.com:5671"' % pw()],
             ["amqp://guest:guest@localhost:5672/ (default account: low)",
              "amqp://rabbit.contoso.test:5672/hush"],
             ["https://www.rabbitmq.com/docs/uri-spec"])

    uri_rule("database.connection-uri.password", "Database connection URI password",
             r"(?:mssql|sqlserver|oracle|db2|cockroachdb|clickhouse|cassandra|couchbases?|"
             r"couchdb|neo4j(?:\+s)?|bolt(?:\+s)?|influxdb|elasticsearch|memcached|nats|"
             r"snowflake|vertica|tidb|redshift)",
             ["NEO4J_URI=neo4j+s://neo4j:%s@hush-test.databases.neo4j.io" % pw(),
              "clickhouse://hush:%s@ch.contoso.test:9000/default" % pw(),
              "sqlserver://sa:%s@mssql.contoso.test:1433?database=hush" % pw()],
             ["bolt://neo4j.contoso.test:7687",
              "cassandra://hush:<password>@cassandra.contoso.test"],
             ["https://neo4j.com/docs/operations-manual/current/configuration/connectors/",
              "https://clickhouse.com/docs/en/interfaces/cli#connection_string"])

    rule("jdbc.connection-string.password", "JDBC connection string password", "high",
         r"\bjdbc:[a-z0-9:]{2,40}[^ \t\r\n\"'<>`]{0,256}?(?i:[;?&:]password=)"
         r"(?<secret>[^;&# \t\r\n\"'<>`]{1,128})",
         ["spring.datasource.url=jdbc:sqlserver://sql.contoso.test:1433;databaseName=hush;user=hush;password=%s;encrypt=true" % pw(),
          "jdbc:mysql://mysql.contoso.test:3306/hush?user=hush&password=%s&useSSL=true" % pw(),
          "jdbc:postgresql://pg.contoso.test/hush?user=hush&password=%s" % pw()],
         ["jdbc:postgresql://pg.contoso.test/hush?user=hush",
          "jdbc:sqlserver://sql.contoso.test;databaseName=hush;integratedSecurity=true",
          "jdbc:mysql://localhost/hush?user=root&password=${DB_PASSWORD}"],
         ["https://learn.microsoft.com/en-us/sql/connect/jdbc/building-the-connection-url",
          "https://jdbc.postgresql.org/documentation/use/"], score="password")

    rule("jdbc.oracle-thin.password", "Oracle JDBC thin URL password", "high",
         r"\bjdbc:oracle:(?:thin|oci):[A-Za-z0-9_$#.]{1,64}/(?<secret>[^@/ \t\r\n\"'<>`]{1,128})@",
         ["url=jdbc:oracle:thin:hush_app/%s@//ora.contoso.test:1521/HUSHPDB" % pw(),
          "jdbc:oracle:thin:scott/%s@ora.contoso.test:1521:orcl" % pw()],
         ["jdbc:oracle:thin:@//ora.contoso.test:1521/HUSHPDB",
          "jdbc:oracle:thin:scott/tiger@localhost:1521:orcl (documentation value: low)"],
         ["https://docs.oracle.com/en/database/oracle/oracle-database/21/jjdbc/data-sources-and-URLs.html"], score="password")

    rule("odbc.connection-string.password", "ODBC / OLE DB / ADO.NET connection string password",
         "high",
         r"(?i:\b(?:Provider|Driver|DSN|Uid|User[ ]?Id|User[ ]?Name|Initial Catalog|Database|Host|Server|Data Source)[ \t]{0,2}=)"
         r"[^\r\n]{1,256}?(?i:\b(?:Password|Pwd)[ \t]{0,2}=)[ \t]{0,2}(?<secret>" + CSVALUE + ")",
         ["Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.contoso.test,1433;Uid=hush;Pwd=%s;" % pw(),
          'adoConn.Open("Provider=SQLOLEDB.1;User ID=hush_app; " & "Password =%s;Initial Catalog=Hush;")' % pw(),
          "Host=pg.contoso.test;Port=5432;Username=hush;Password=%s;Database=hush" % pw(),
          '<add name="Hush" connectionString="Server=sql01\\hush; Database=Hush; User Id=hush; password= %s" />' % pw()],
         ["Driver={ODBC Driver 18 for SQL Server};Server=sql.contoso.test;Trusted_Connection=yes;",
          "Provider=SQLOLEDB;Server=sql.contoso.test;Uid=hush;Pwd=myPassword;",
          "driver={SQL Server};server=#{host};uid=#{user};pwd=#{datastore['DBPASSWORD']}"],
         ["https://learn.microsoft.com/en-us/sql/connect/odbc/dsn-connection-string-attribute",
          "https://www.npgsql.org/doc/connection-string-parameters.html"], score="password")

    rule("mysql.cli.password", "MySQL command-line password", "high",
         r"(?i:\bmysql(?:dump|admin|import|sh|check|pump)?)(?:[ \t][^\r\n]{0,200}?)?"
         r"(?:[ \t]-p|[ \t]--password=)(?<secret>[^ \t\r\n\"'`;|&<>]{3,128})",
         ["mysql -h db.contoso.test -u hush -p%s hush_test < schema.sql" % pw(),
          "mysqldump --user=hush --password=%s --all-databases > hush.sql" % pw()],
         ["mysql -h db.contoso.test -u hush -p hush_test",
          "mysql -u root -p$MYSQL_ROOT_PASSWORD hush"],
         ["https://dev.mysql.com/doc/refman/8.4/en/connection-options.html#option_general_password"], score="password")

    rule("mssql.sqlcmd.password", "SQL Server command-line password (sqlcmd, bcp, osql)",
         "high",
         r"(?i:\b(?:sqlcmd|bcp|osql)(?:\.exe)?)(?:[ \t][^\r\n]{0,200}?)?[ \t]-P[ \t]{0,2}[\"']?"
         r"(?<secret>[^ \t\r\n\"'`;|&<>]{3,128})",
         ["sqlcmd -S sql.contoso.test -U sa -P %s -Q \"SELECT 1\"" % pw(),
          'bcp Hush.dbo.Users out users.dat -S sql.contoso.test -U hush -P "%s" -c' % pw()],
         ["sqlcmd -S sql.contoso.test -E -Q \"SELECT 1\"",
          "sqlcmd -S localhost -U sa -P $(SA_PASSWORD)"],
         ["https://learn.microsoft.com/en-us/sql/tools/sqlcmd/sqlcmd-utility"], score="password")

    rule("ldap.cli.bind-password", "LDAP command-line bind password (-w)", "high",
         r"(?i:\bldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn|exop))"
         r"(?:[ \t][^\r\n]{0,300}?)?[ \t]-w[ \t]{1,4}[\"']?(?<secret>[^ \t\r\n\"'`;|&<>]{3,128})",
         ['ldapsearch -x -H ldaps://ldap.contoso.test -D "cn=admin,dc=contoso,dc=test" -w %s "(uid=hush)"' % pw(),
          "ldapmodify -D cn=hush,dc=contoso,dc=test -w '%s' -f change.ldif" % pw()],
         ['ldapsearch -x -D "cn=admin,dc=contoso,dc=test" -W "(uid=hush)"',
          "ldapsearch -x -D cn=admin,dc=contoso,dc=test -w $LDAP_PASSWORD"],
         ["https://www.openldap.org/software/man.cgi?query=ldapsearch"], score="password")

    rule("ldap.bind-password", "LDAP bind password setting", "medium",
         r"(?i:\b[a-z0-9_.]{0,32}bind_?(?:pw|passw(?:or)?d|credentials?))"
         r"(?:" + ASSIGN + r"|[ \t]{1,8})(?<secret>[^@\[$# \t\r\n\"'<>;,&`][^ \t\r\n\"'<>;,&`]{3,127})",
         ["bindpw %s" % pw(),
          "ldap_bind_password: %s" % pw(),
          '"bindCredential": "%s"' % pw()],
         ["bindpw ${LDAP_BIND_PW}",
          "bind_password = changeme (default: low)",
          "ldap.bindPassword=ldapBindPassword"],
         ["https://www.openldap.org/software/man.cgi?query=ldap.conf",
          "https://sssd.io/docs/ldap/ldap-introduction.html"], score="password")

    rule("sql.user-password", "Password in a SQL user statement", "high",
         r"(?i:\b(?:IDENTIFIED[ \t]{1,4}BY|WITH[ \t]{1,4}(?:ENCRYPTED[ \t]{1,4})?PASSWORD(?:[ \t]{0,4}=)?"
         r"|\bPASSWORD[ \t]{0,4}=[ \t]{0,4}PASSWORD[ \t]{0,4}\())[ \t]{0,4}N?'(?<secret>[^'\r\n]{3,128})'",
         ["CREATE USER 'hush_app'@'%%' IDENTIFIED BY '%s';" % pw(),
          "ALTER ROLE hush_app WITH PASSWORD '%s';" % pw(),
          "CREATE LOGIN hush_app WITH PASSWORD = N'%s', CHECK_POLICY = ON;" % pw(),
          "SET PASSWORD = PASSWORD('%s');" % pw()],
         ["CREATE USER 'hush_app'@'%' IDENTIFIED WITH auth_socket;",
          "ALTER ROLE hush_app WITH PASSWORD NULL;",
          "CREATE USER hush IDENTIFIED BY '${HUSH_DB_PASSWORD}';"],
         ["https://dev.mysql.com/doc/refman/8.4/en/create-user.html",
          "https://www.postgresql.org/docs/current/sql-createrole.html",
          "https://learn.microsoft.com/en-us/sql/t-sql/statements/create-login-transact-sql"], score="password")

    rule("redis.cli.password", "redis-cli password argument", "high",
         r"\bredis-cli(?:[ \t][^\r\n]{0,200}?)?[ \t](?:-a|--pass)[ \t]{1,4}[\"']?"
         r"(?<secret>[^ \t\r\n\"'`;|&<>]{3,128})",
         ["redis-cli -h redis.contoso.test -p 6379 -a %s --no-auth-warning ping" % pw(),
          "redis-cli --user hush --pass '%s' info" % pw()],
         ["redis-cli -h redis.contoso.test -p 6379 ping",
          "redis-cli -a $REDIS_PASSWORD ping"],
         ["https://redis.io/docs/latest/develop/tools/cli/"], score="password")

    rule("mongodb.cli.password", "MongoDB shell / tools password argument", "high",
         r"\bmongo(?:sh|dump|restore|export|import|stat|top)?(?:[ \t][^\r\n]{0,200}?)?[ \t]"
         r"(?:-p|--password)(?:[ \t]{1,4}|=)[\"']?(?<secret>[^ \t\r\n\"'`;|&<>-][^ \t\r\n\"'`;|&<>]{2,127})",
         ["mongosh --host mongo.contoso.test -u hush -p %s --authenticationDatabase admin" % pw(),
          "mongodump --uri mongodb://mongo.contoso.test --username hush --password='%s' --out /backup" % pw()],
         ["mongosh --host mongo.contoso.test -u hush -p --authenticationDatabase admin",
          "mongosh -u hush -p $MONGO_PASSWORD"],
         ["https://www.mongodb.com/docs/mongodb-shell/reference/options/"], score="password")

    rule("rabbitmq.cli.password", "rabbitmqctl user password", "high",
         r"\brabbitmqctl(?:[ \t]{1,4}-[^\r\n]{0,100}?)?[ \t]{1,4}(?:add_user|change_password)[ \t]{1,4}"
         r"[\"']?[^ \t\r\n\"']{1,128}[\"']?[ \t]{1,4}[\"']?(?<secret>[^ \t\r\n\"'`;|&<>]{3,128})",
         ["rabbitmqctl add_user hush-app %s" % pw(),
          "rabbitmqctl change_password 'hush-app' '%s'" % pw()],
         ["rabbitmqctl add_user hush-app --pre-hashed-password",
          "rabbitmqctl change_password hush-app $RABBIT_PASSWORD"],
         ["https://www.rabbitmq.com/docs/man/rabbitmqctl.8"], score="password")

    rule("redis.config.password", "Redis server password (requirepass, masterauth)",
         "high",
         r"(?i:^[ \t]{0,8}(?:requirepass|masterauth))[ \t]{1,8}[\"']?(?<secret>[^ \t\r\n\"'#]{3,128})",
         ["requirepass %s" % pw(),
          "# replica settings (hush test)\nmasterauth \"%s\"\n" % pw()],
         ["# requirepass foobared",
          "requirepass ${REDIS_PASSWORD}"],
         ["https://redis.io/docs/latest/operate/oss_and_stack/management/config-file/"], score="password")
