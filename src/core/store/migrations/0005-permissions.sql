-- Schema 5: the permissions of the administration (views, pipelines,
-- users, entity types) and "see every element, not only one's own",
-- granted to the built-in roles as they were meant: employees keep seeing
-- every element; administrators may do everything.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, 'element.read_all' FROM roles r WHERE r.code = 'employee';

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.column1 FROM roles r,
  (VALUES ('element.read_all'), ('views.manage'), ('pipelines.manage'),
          ('users.manage'), ('types.manage')) p
WHERE r.code = 'administrator';
