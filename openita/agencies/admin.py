from django.contrib import admin

from openita.agencies.models import Agency, Membership, Unit


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "region", "province", "parent_body")
    list_filter = ("kind", "province")
    search_fields = ("name", "name_en")
    inlines = [UnitInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role")
    list_filter = ("role",)
    filter_horizontal = ("units",)
