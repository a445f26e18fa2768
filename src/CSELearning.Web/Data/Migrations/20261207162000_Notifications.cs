using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// In-app notifications, the kinds of email each person has turned off, the email outbox, and the lease that
// lets one server at a time send it.
[DbContext(typeof(AppDbContext))]
[Migration("20261207162000_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                ItemId = table.Column<string>(maxLength: 100, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Text = table.Column<string>(maxLength: 300, nullable: false),
                Link = table.Column<string>(maxLength: 300, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
                Email = table.Column<string>(maxLength: 20, nullable: false),
                DigestId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey(
                    name: "FK_Notifications_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_Notifications_UserId_Kind_ItemId_DueOn", table: "Notifications",
            columns: new[] { "UserId", "Kind", "ItemId", "DueOn" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_Notifications_Email", table: "Notifications", column: "Email");

        migrationBuilder.CreateTable(
            name: "NotificationOptOuts",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NotificationOptOuts", x => new { x.UserId, x.Kind });
                table.ForeignKey(
                    name: "FK_NotificationOptOuts_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                To = table.Column<string>(maxLength: 256, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                ProtectedBody = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                LastError = table.Column<string>(maxLength: 300, nullable: true),
                SentAt = table.Column<DateTime>(nullable: true),
                GaveUpAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_Key", table: "OutboxMessages", column: "Key", unique: true);
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_SentAt_NextAttemptAt", table: "OutboxMessages", columns: new[] { "SentAt", "NextAttemptAt" });

        migrationBuilder.CreateTable(
            name: "JobLeases",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Holder = table.Column<string>(maxLength: 100, nullable: true),
                ExpiresAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_JobLeases", x => x.Name));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "JobLeases");
        migrationBuilder.DropTable(name: "OutboxMessages");
        migrationBuilder.DropTable(name: "NotificationOptOuts");
        migrationBuilder.DropTable(name: "Notifications");
    }
}
