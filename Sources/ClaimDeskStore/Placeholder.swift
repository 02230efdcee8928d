enum Migrations { static var count: Int { EmbeddedMigrations.files.count } }
